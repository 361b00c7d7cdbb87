package io.hallwatch.bridge.map;

import io.hallwatch.bridge.contract.ContractMessage;

/** Builds the one contract message a vendor message stands for; throws {@link Refusal} when it cannot. */
interface Mapping {

    Built map(VendorMessage message);

    /**
     * A contract message and where its time came from.
     *
     * @param receiveTime true for a reading whose {@code ts} is the time the bridge received the
     *                    message because the device gave none (or one from a clock never set); a
     *                    retained copy of such a reading says nothing about when the device spoke
     */
    record Built(ContractMessage message, boolean receiveTime) {
    }
}
