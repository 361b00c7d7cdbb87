package io.hallwatch.devices;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of device a hall has, with the lower-case name they carry in MQTT topics and JSON
 * (contract, sections 1 and 4). Presence sensors and signs watch a window; bins and badge readers
 * stand in a zone.
 */
public enum DeviceKind {
    PRESENCE, SIGNAGE, BIN, BADGE;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether devices of this kind are attached to a window rather than a zone. */
    public boolean watchesWindow() {
        return this == PRESENCE || this == SIGNAGE;
    }

    public static Optional<DeviceKind> fromWire(String text) {
        return Arrays.stream(values()).filter(kind -> kind.wire().equals(text)).findFirst();
    }

    @JsonCreator
    static DeviceKind fromJson(String text) {
        return fromWire(text).orElseThrow(() -> new IllegalArgumentException(
                "kind must be one of presence, signage, bin, badge"));
    }
}
