package io.hallwatch.bridge.map;

import io.hallwatch.bridge.contract.ContractMessage;

/** Builds the one contract message a vendor message stands for; throws {@link Refusal} when it cannot. */
interface Mapping {

    ContractMessage map(VendorMessage message);
}
