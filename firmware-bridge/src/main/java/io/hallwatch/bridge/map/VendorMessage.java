package io.hallwatch.bridge.map;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/**
 * One vendor message while it is mapped: its topic, the topic parts the profile captured, the
 * payload as text and, when it is JSON, as a tree.
 *
 * @param json the parsed payload, or null when the payload is not JSON (a text payload)
 */
record VendorMessage(String topic, Map<String, String> captures, String text, JsonNode json,
        DeviceBinding binding, Instant receivedAt) {
}
