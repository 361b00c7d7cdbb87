package io.hallwatch.broker;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Compares one device of the registry with its client at the broker (as {@code getClient} or
 * {@code listClients} describe it) and says what is out of step. Pure: no I/O.
 */
final class ClientCheck {

    /** What a device's client at the broker needs. */
    enum Verdict {
        /** As it should be. */
        IN_SYNC,
        /** An active device without a client: the broker never got its password; rotate it. */
        MISSING,
        /** The client holds another credential than the registry's, or was disabled: rotate it. */
        STALE,
        /** The right credential, but the client lacks the device's role: give it back. */
        ROLE_MISSING,
        /** A client HallWatch made for a device that is revoked or gone: delete it. */
        ORPHAN,
        /** Nothing HallWatch manages. */
        NONE
    }

    private ClientCheck() {
    }

    /**
     * @param fingerprint the fingerprint of the device's current credential, or null when the device is
     *                    revoked or unknown
     * @param client      the broker's description of the client named like the device, or null
     */
    static Verdict judge(String deviceId, String fingerprint, JsonNode client) {
        Optional<String> held = client == null ? Optional.empty()
                : DynSecCommands.fingerprintOf(client.path("textdescription").asText(null));
        if (fingerprint == null) {
            return held.isPresent() ? Verdict.ORPHAN : Verdict.NONE;
        }
        if (client == null) {
            return Verdict.MISSING;
        }
        if (!held.equals(Optional.of(fingerprint)) || client.path("disabled").asBoolean(false)) {
            return Verdict.STALE;
        }
        for (JsonNode role : client.path("roles")) {
            if (DynSecCommands.roleOf(deviceId).equals(role.path("rolename").asText())) {
                return Verdict.IN_SYNC;
            }
        }
        return Verdict.ROLE_MISSING;
    }
}
