package io.hallwatch.bridge.map;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Map;

/**
 * What compiling a profile's topics for one device needs: the profile, the binding, the option
 * values in effect (the binding's over the profile's defaults), and whether this is only a check of
 * the profile ({@code trial}: no real device, so per-device checks are left for the router).
 */
record BindContext(Profile profile, DeviceBinding binding, Map<String, JsonNode> options, boolean trial) {

    /** The bin's calibration, for a reading that calibrates a distance into fill. */
    Calibration calibration() {
        ProfileOption empty = profile.optionMap().get(Calibration.EMPTY);
        ProfileOption full = profile.optionMap().get(Calibration.FULL);
        if (empty == null || full == null || empty.type() != ProfileOption.Type.NUMBER
                || full.type() != ProfileOption.Type.NUMBER) {
            throw new IllegalArgumentException("calibrate: true needs the profile to declare the number options "
                    + Calibration.EMPTY + " and " + Calibration.FULL);
        }
        return trial ? new Calibration(BigDecimal.ONE, BigDecimal.ZERO) : Calibration.from(options);
    }
}
