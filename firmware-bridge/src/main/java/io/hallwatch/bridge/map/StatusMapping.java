package io.hallwatch.bridge.map;

import io.hallwatch.bridge.contract.Contract;
import io.hallwatch.bridge.contract.ContractMessage;

/** A retained {@code online}/{@code offline} status from a vendor's availability or last-will topic. */
final class StatusMapping implements Mapping {

    private final FieldSpec status;

    StatusMapping(FieldSpec status) {
        this.status = status;
    }

    @Override
    public Built map(VendorMessage message) {
        Found found = status.read(message);
        if (found == null) {
            throw status.missing();
        }
        String word = Conversion.convert(status, found, message.binding().zone()).textValue();
        DeviceBinding binding = message.binding();
        return new Built(ContractMessage.status(binding.hall(), binding.device(), Contract.ONLINE.equals(word)), false);
    }
}
