package io.hallwatch.bridge.map;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Small checks of the shape of a profile's YAML, each failing with a message that starts with where
 * the value is ({@code topics[1].readings.presence.occupied}), so that a typo is found at start-up.
 */
final class Shapes {

    private Shapes() {
    }

    static void onlyKeys(JsonNode node, Set<String> allowed, String where) {
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (!allowed.contains(entry.getKey())) {
                throw new IllegalArgumentException(where + ": unknown key '" + entry.getKey() + "' (known: "
                        + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
    }

    static String text(JsonNode node, String key, String where) {
        JsonNode value = node.get(key);
        if (value == null || !value.isTextual() || value.textValue().isBlank()) {
            throw new IllegalArgumentException(where + "." + key + ": give a text");
        }
        return value.textValue();
    }

    static boolean bool(JsonNode node, String key, boolean otherwise, String where) {
        JsonNode value = node.get(key);
        if (value == null) {
            return otherwise;
        }
        if (!value.isBoolean()) {
            throw new IllegalArgumentException(where + "." + key + ": give true or false, not " + value);
        }
        return value.booleanValue();
    }

    /** A list's elements, or the single value as a list of one. */
    static List<JsonNode> list(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(out::add);
        } else {
            out.add(node);
        }
        return out;
    }

    static JsonNode object(JsonNode node, String key, String where) {
        JsonNode value = node.get(key);
        if (value == null || !value.isObject()) {
            throw new IllegalArgumentException(where + "." + key + ": give a map");
        }
        return value;
    }
}
