package io.hallwatch.bridge.map;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A part of a vendor message without which nothing in it can be mapped, with the reason to give when
 * it is absent (ChirpStack's {@code object} exists only when the device profile has a codec).
 */
record Expectation(JsonPointer pointer, String reason) {

    void check(VendorMessage message) {
        JsonNode node = message.json() == null ? null : message.json().at(pointer);
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw new Refusal(reason);
        }
    }
}
