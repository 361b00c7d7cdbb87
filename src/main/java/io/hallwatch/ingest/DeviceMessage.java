package io.hallwatch.ingest;

import io.hallwatch.devices.DeviceKind;
import java.time.Instant;

/**
 * A message that passed the payload rules of contract section 2: either a reading of one of the
 * four device kinds, or an online/offline status report.
 */
public sealed interface DeviceMessage {

    /** A status report ({@code online}/{@code offline}, the latter usually as a last will). */
    record Status(boolean online) implements DeviceMessage {
    }

    /**
     * A reading with the common fields; {@code seq} and {@code battery} are null when absent.
     */
    record Reading(Instant ts, Long seq, Double battery, Observation observation) implements DeviceMessage {
    }

    /** What a device of one kind observed. */
    sealed interface Observation {
        DeviceKind kind();
    }

    record Presence(boolean occupied) implements Observation {
        public DeviceKind kind() {
            return DeviceKind.PRESENCE;
        }
    }

    /** {@code code} is the vendor fault code, or null; {@code showing} is null when the sign does not say. */
    record Signage(SignState state, SignShowing showing, String code) implements Observation {
        public DeviceKind kind() {
            return DeviceKind.SIGNAGE;
        }
    }

    record BinFill(double fill) implements Observation {
        public DeviceKind kind() {
            return DeviceKind.BIN;
        }
    }

    /** {@code card} is trimmed and upper-cased, so that it matches the staff registry. */
    record Badge(String card, BadgeAction action) implements Observation {
        public DeviceKind kind() {
            return DeviceKind.BADGE;
        }
    }

    enum SignState { OK, FAULT, BLANK }

    enum SignShowing { OPEN, PAUSED, CLOSED }

    enum BadgeAction { IN, OUT }
}
