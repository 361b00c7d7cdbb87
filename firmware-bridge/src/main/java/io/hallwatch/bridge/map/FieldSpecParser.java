package io.hallwatch.bridge.map;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads one field definition of a profile: a pointer or a list of pointers (shorthand for
 * {@code from}), or a map with exactly one of {@code from}, {@code value}, {@code template}, and
 * optionally {@code map}, {@code optional}, {@code format} (ts) and {@code calibrate} (fill).
 * Constants and value-map results are converted once here, so that a profile cannot promise a
 * value the contract refuses.
 */
final class FieldSpecParser {

    private static final Set<String> KEYS = Set.of("from", "value", "template", "map", "optional", "format", "calibrate");

    private FieldSpecParser() {
    }

    /** The field's definition; an exception whose message starts with {@code where}. */
    static FieldSpec parse(ContractField field, JsonNode node, PayloadFormat payload, Set<String> captures, String where) {
        try {
            return parseSpec(field, node, payload, captures, where);
        } catch (IllegalArgumentException e) {
            throw e.getMessage() != null && e.getMessage().startsWith(where) ? e
                    : new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static FieldSpec parseSpec(ContractField field, JsonNode node, PayloadFormat payload, Set<String> captures,
            String where) {
        ObjectNode spec = node.isObject() ? (ObjectNode) node : shorthand(node, where);
        Shapes.onlyKeys(spec, KEYS, where);
        List<Source> sources = sources(spec, payload, captures, where);
        boolean optional = Shapes.bool(spec, "optional", !field.requiredByDefault(), where);
        TimeFormat format = timeFormat(field, spec, where);
        boolean calibrate = Shapes.bool(spec, "calibrate", false, where);
        if (calibrate && field != ContractField.FILL) {
            throw new IllegalArgumentException(where + ": only fill can be calibrate: true");
        }
        if (field == ContractField.STATUS && optional) {
            throw new IllegalArgumentException(where + ": a status cannot be optional");
        }
        FieldSpec parsed = new FieldSpec(field, sources, valueMap(spec, where), optional, format, calibrate);
        checkConstants(parsed, where);
        return parsed;
    }

    private static ObjectNode shorthand(JsonNode node, String where) {
        if (!node.isTextual() && !node.isArray()) {
            throw new IllegalArgumentException(where + ": give a pointer, a list of pointers, or a map with from, value"
                    + " or template (a constant is written {value: ...})");
        }
        ObjectNode spec = JsonNodeFactory.instance.objectNode();
        spec.set("from", node);
        return spec;
    }

    private static List<Source> sources(ObjectNode spec, PayloadFormat payload, Set<String> captures, String where) {
        int given = (spec.has("from") ? 1 : 0) + (spec.has("value") ? 1 : 0) + (spec.has("template") ? 1 : 0);
        if (given != 1) {
            throw new IllegalArgumentException(where + ": give exactly one of from, value, template");
        }
        if (spec.has("value")) {
            JsonNode value = spec.get("value");
            if (!value.isValueNode() || value.isNull()) {
                throw new IllegalArgumentException(where + ".value: a constant is a text, number or boolean");
            }
            return List.of(new Source.Constant(value));
        }
        if (spec.has("template")) {
            String text = Shapes.text(spec, "template", where);
            return List.of(new Source.Templated(Template.parse(text, captures)));
        }
        return fromSources(spec.get("from"), payload, where + ".from");
    }

    private static List<Source> fromSources(JsonNode from, PayloadFormat payload, String where) {
        List<Source> sources = new ArrayList<>();
        for (JsonNode one : Shapes.list(from)) {
            sources.add(source(one, payload, where));
        }
        if (sources.isEmpty()) {
            throw new IllegalArgumentException(where + ": name at least one pointer");
        }
        return sources;
    }

    private static Source source(JsonNode from, PayloadFormat payload, String where) {
        String text = from.isTextual() ? from.textValue() : "";
        if (text.equals("payload")) {
            return new Source.WholePayload();
        }
        if (!text.startsWith("/")) {
            throw new IllegalArgumentException(where + ": '" + from.asText() + "' is neither a JSON pointer (starting"
                    + " with /) nor payload");
        }
        if (payload == PayloadFormat.TEXT) {
            throw new IllegalArgumentException(where + ": the topic's payload is text, so pointer " + text
                    + " cannot apply (use from: payload)");
        }
        return new Source.Pointer(JsonPointer.compile(text));
    }

    private static TimeFormat timeFormat(ContractField field, ObjectNode spec, String where) {
        if (!spec.has("format")) {
            return TimeFormat.AUTO;
        }
        if (field != ContractField.TS) {
            throw new IllegalArgumentException(where + ".format: only ts has a format");
        }
        try {
            return TimeFormat.parse(Shapes.text(spec, "format", where));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + "." + e.getMessage(), e);
        }
    }

    private static Map<String, JsonNode> valueMap(ObjectNode spec, String where) {
        Map<String, JsonNode> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (!spec.has("map")) {
            return map;
        }
        if (!spec.get("map").isObject()) {
            throw new IllegalArgumentException(where + ".map: give a map from vendor values to contract values");
        }
        for (Map.Entry<String, JsonNode> entry : spec.get("map").properties()) {
            if (!entry.getValue().isValueNode() || map.put(entry.getKey(), entry.getValue()) != null) {
                throw new IllegalArgumentException(where + ".map." + entry.getKey()
                        + ": each vendor value appears once and maps to a text, number or boolean");
            }
        }
        return map;
    }

    private static void checkConstants(FieldSpec spec, String where) {
        List<Found> constants = new ArrayList<>();
        spec.valueMap().forEach((from, to) -> constants.add(new Found("map." + from, to)));
        for (Source source : spec.sources()) {
            if (source instanceof Source.Constant) {
                constants.add(new Found("value", ((Source.Constant) source).value()));
            }
        }
        for (Found constant : constants) {
            try {
                if (!spec.calibrate()) {
                    Conversion.convert(spec, constant, ZoneOffset.UTC);
                }
            } catch (Refusal refusal) {
                // The refusal starts with the field's name, which where already ends with.
                String reason = refusal.getMessage().substring(spec.field().wire().length() + 2);
                throw new IllegalArgumentException(where + ": " + reason, refusal);
            }
        }
    }
}
