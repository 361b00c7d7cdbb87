package io.hallwatch.bridge.map;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Where a field's vendor value comes from: a JSON Pointer into the payload, the whole payload, a
 * constant, or a string template. {@link #read} answers null when the value is absent (a JSON null
 * counts as absent: Zigbee2MQTT sends {@code "battery": null} before the first report).
 */
sealed interface Source permits Source.Pointer, Source.WholePayload, Source.Constant, Source.Templated {

    JsonNode read(VendorMessage message);

    /** How a person recognises the source in a reason. */
    String describe();

    /** A JSON Pointer into a JSON payload. */
    record Pointer(JsonPointer pointer) implements Source {
        @Override
        public JsonNode read(VendorMessage message) {
            if (message.json() == null) {
                return null;
            }
            JsonNode node = message.json().at(pointer);
            return node.isMissingNode() || node.isNull() ? null : node;
        }

        @Override
        public String describe() {
            return pointer.toString();
        }
    }

    /** The whole payload: the text, trimmed, or the JSON value when the payload is JSON. */
    record WholePayload() implements Source {
        @Override
        public JsonNode read(VendorMessage message) {
            if (message.json() != null) {
                return message.json();
            }
            String text = message.text().trim();
            return text.isEmpty() ? null : TextNode.valueOf(text);
        }

        @Override
        public String describe() {
            return "the payload";
        }
    }

    /** The same value for every message. */
    record Constant(JsonNode value) implements Source {
        @Override
        public JsonNode read(VendorMessage message) {
            return value;
        }

        @Override
        public String describe() {
            return "the constant";
        }
    }

    /** A string made of text, {@code {source}}, topic captures and pointer values. */
    record Templated(Template template) implements Source {
        @Override
        public JsonNode read(VendorMessage message) {
            String text = template.render(message);
            return text == null ? null : TextNode.valueOf(text);
        }

        @Override
        public String describe() {
            return "template '" + template.text() + "'";
        }
    }
}
