package io.hallwatch.bridge.map;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hallwatch.bridge.contract.ContractMessage;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A reading of the binding's kind: {@code ts} first (the device's time, else the time the bridge
 * received the message: a device time before 2000 comes from a clock never set and counts as none),
 * then the other fields in the contract's order. A missing required field or a value of the wrong
 * type refuses the whole message.
 */
final class ReadingMapping implements Mapping {

    private final FieldSpec ts;
    private final List<FieldSpec> fields;
    private final Calibration calibration;

    /** @param calibration the bin's calibration when a {@code fill} is a distance, else null */
    ReadingMapping(List<FieldSpec> specs, Calibration calibration) {
        List<FieldSpec> others = new ArrayList<>();
        FieldSpec time = null;
        for (FieldSpec spec : specs) {
            if (spec.field() == ContractField.TS) {
                time = spec;
            } else {
                others.add(spec);
            }
        }
        others.sort(Comparator.comparing(FieldSpec::field));
        this.ts = time;
        this.fields = List.copyOf(others);
        this.calibration = calibration;
    }

    @Override
    public Built map(VendorMessage message) {
        ZoneId zone = message.binding().zone();
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        Instant deviceTime = deviceTime(message, zone);
        out.put(ContractField.TS.wire(), Timestamps.write(deviceTime == null ? message.receivedAt() : deviceTime, zone));
        for (FieldSpec spec : fields) {
            Found found = spec.read(message);
            if (found == null && spec.optional()) {
                continue;
            }
            if (found == null) {
                throw spec.missing();
            }
            if (spec.calibrate()) {
                calibration.apply(found, out);
            } else {
                out.set(spec.field().wire(), Conversion.convert(spec, found, zone));
            }
        }
        return new Built(build(message.binding(), out), deviceTime == null);
    }

    /** The device's own time of the reading; null when it gives none or its clock was never set. */
    private Instant deviceTime(VendorMessage message, ZoneId zone) {
        Found found = ts == null ? null : ts.read(message);
        if (found == null && ts != null && !ts.optional()) {
            throw ts.missing();
        }
        if (found == null) {
            return null;
        }
        Instant instant = Timestamps.read(ts.mapped(found), ts.format(), zone);
        return Timestamps.isClockSet(instant) ? instant : null;
    }

    private static ContractMessage build(DeviceBinding binding, ObjectNode out) {
        try {
            return ContractMessage.reading(binding.hall(), binding.kind(), binding.device(), out);
        } catch (IllegalArgumentException oversize) {
            throw new Refusal(oversize.getMessage());
        }
    }
}
