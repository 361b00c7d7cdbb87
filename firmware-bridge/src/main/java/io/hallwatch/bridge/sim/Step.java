package io.hallwatch.bridge.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hallwatch.bridge.contract.Kind;
import java.time.Instant;

/**
 * One message of a simulated day: a reading's fields (without {@code ts} and {@code seq}, which the
 * player adds when it publishes) or a status, for one device at one instant of the day.
 *
 * @param kind   the reading's kind, or null for a status message
 * @param status {@code online} or {@code offline} for a status message, else null
 */
public record Step(Instant at, String device, Kind kind, ObjectNode fields, String status) {

    static Step reading(Instant at, String device, Kind kind, ObjectNode fields) {
        return new Step(at, device, kind, fields, null);
    }

    static Step status(Instant at, String device, boolean online) {
        return new Step(at, device, null, null, online ? "online" : "offline");
    }
}
