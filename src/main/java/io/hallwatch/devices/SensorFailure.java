package io.hallwatch.devices;

import java.time.Instant;

/**
 * A presence sensor began or stopped counting as failed (CDI event, fired inside the rule's
 * transaction), so that its window's OFF_POST can be suspended: a dead sensor is not an absent person.
 */
public record SensorFailure(String hallId, String windowId, String deviceId, boolean failed, Instant at) {
}
