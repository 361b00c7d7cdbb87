package io.hallwatch.deploy;

import java.util.List;
import java.util.Map;

/** Typed steps through parsed YAML: maps, lists and dotted paths, failing with the path that is missing. */
final class Tree {

    private Tree() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        if (node == null) {
            return Map.of();
        }
        if (!(node instanceof Map<?, ?>)) {
            throw new AssertionError("expected a mapping, found " + node);
        }
        return (Map<String, Object>) node;
    }

    static List<?> list(Object node) {
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof List<?> list)) {
            throw new AssertionError("expected a list, found " + node);
        }
        return list;
    }

    /** The node at a dotted path ({@code spec.template.spec}); fails naming the first missing step. */
    static Object at(Map<String, Object> root, String path) {
        Object node = root;
        for (String step : path.split("\\.")) {
            node = map(node).get(step);
            if (node == null) {
                throw new AssertionError("missing " + path + " (at " + step + ")");
            }
        }
        return node;
    }
}
