package io.hallwatch.bridge.map;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallwatch.bridge.contract.Kind;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The checks of a profile's {@code topics} that hold whatever the options are: each topic has a
 * template, every option it refers to is declared, readings are keyed by the profile's kinds, every
 * kind has a reading somewhere, and each reading names the fields its kind requires.
 */
final class TopicShapes {

    private TopicShapes() {
    }

    static void check(JsonNode topics, Set<Kind> kinds, Set<String> options) {
        if (topics == null || !topics.isArray() || topics.isEmpty()) {
            throw new IllegalArgumentException("topics: list at least one topic");
        }
        Set<Kind> produced = EnumSet.noneOf(Kind.class);
        for (int i = 0; i < topics.size(); i++) {
            produced.addAll(entry(topics.get(i), kinds, options, "topics[" + i + "]"));
        }
        for (Kind kind : kinds) {
            if (!produced.contains(kind)) {
                throw new IllegalArgumentException("kinds: no topic has readings for " + kind.wire());
            }
        }
    }

    /** The kinds one topic definition has readings for. */
    private static Set<Kind> entry(JsonNode entry, Set<Kind> kinds, Set<String> options, String where) {
        if (!entry.isObject() || !entry.has("topic")) {
            throw new IllegalArgumentException(where + ": give a map with topic, payload and readings or status");
        }
        for (String name : OptionResolver.references(entry)) {
            if (!options.contains(name)) {
                throw new IllegalArgumentException(where + ": refers to {options." + name + "}, which the profile"
                        + " does not declare under options");
            }
        }
        return entry.has("readings") ? readings(Shapes.object(entry, "readings", where), kinds, where + ".readings")
                : EnumSet.noneOf(Kind.class);
    }

    private static Set<Kind> readings(JsonNode readings, Set<Kind> kinds, String where) {
        Set<Kind> found = EnumSet.noneOf(Kind.class);
        for (Map.Entry<String, JsonNode> entry : readings.properties()) {
            Kind kind;
            try {
                kind = Kind.parse(entry.getKey());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
            if (!kinds.contains(kind) || !entry.getValue().isObject()) {
                throw new IllegalArgumentException(where + "." + entry.getKey() + ": readings are maps of fields, one"
                        + " for each kind listed under kinds");
            }
            for (ContractField field : Readings.required(kind)) {
                if (!entry.getValue().has(field.wire())) {
                    throw new IllegalArgumentException(where + "." + entry.getKey() + ": a " + kind.wire()
                            + " reading needs " + field.wire());
                }
            }
            found.add(kind);
        }
        return found;
    }
}
