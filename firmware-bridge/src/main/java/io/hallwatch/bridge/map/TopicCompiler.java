package io.hallwatch.bridge.map;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.hallwatch.bridge.contract.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles one topic definition of a profile, its option references already replaced, for one device:
 * its topic patterns, payload format, expectations and the reading (for the device's kind) or status
 * it becomes. A definition with no reading for the device's kind yields no topic.
 */
final class TopicCompiler {

    private static final Set<String> KEYS = Set.of("topic", "payload", "expect", "readings", "status");

    private TopicCompiler() {
    }

    static List<TopicBinding> compile(JsonNode entry, int order, BindContext context, String where) {
        Shapes.onlyKeys(entry, KEYS, where);
        List<TopicPattern> patterns = patterns(entry.get("topic"), context.binding().source(), where + ".topic");
        PayloadFormat format = entry.has("payload") ? payloadFormat(entry, where) : PayloadFormat.JSON;
        List<Expectation> expectations = expectations(entry.get("expect"), where + ".expect");
        Set<String> captures = patterns.get(0).captures();
        patterns.forEach(pattern -> captures.retainAll(pattern.captures()));
        Mapping mapping = mapping(entry, format, captures, context, where);
        List<TopicBinding> out = new ArrayList<>();
        for (TopicPattern pattern : mapping == null ? List.<TopicPattern>of() : patterns) {
            out.add(new TopicBinding(context.binding(), order, pattern, format, expectations, mapping));
        }
        return out;
    }

    private static List<TopicPattern> patterns(JsonNode topic, String source, String where) {
        List<TopicPattern> patterns = new ArrayList<>();
        for (JsonNode template : Shapes.list(topic)) {
            if (!template.isTextual()) {
                throw new IllegalArgumentException(where + ": give a topic template or a list of them");
            }
            try {
                patterns.add(TopicPattern.compile(template.textValue(), source));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException(where + ": give a topic template");
        }
        return patterns;
    }

    private static PayloadFormat payloadFormat(JsonNode entry, String where) {
        try {
            return PayloadFormat.parse(Shapes.text(entry, "payload", where));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + "." + e.getMessage(), e);
        }
    }

    private static List<Expectation> expectations(JsonNode expect, String where) {
        List<Expectation> out = new ArrayList<>();
        for (JsonNode item : expect == null ? List.<JsonNode>of() : Shapes.list(expect)) {
            Shapes.onlyKeys(item, Set.of("pointer", "reason"), where);
            String pointer = Shapes.text(item, "pointer", where);
            if (!pointer.startsWith("/")) {
                throw new IllegalArgumentException(where + ".pointer: '" + pointer + "' is not a JSON pointer");
            }
            out.add(new Expectation(JsonPointer.compile(pointer), Shapes.text(item, "reason", where).trim()));
        }
        return out;
    }

    private static Mapping mapping(JsonNode entry, PayloadFormat format, Set<String> captures, BindContext context,
            String where) {
        if (entry.has("readings") == entry.has("status")) {
            throw new IllegalArgumentException(where + ": give either readings or status");
        }
        if (entry.has("status")) {
            return new StatusMapping(FieldSpecParser.parse(ContractField.STATUS, entry.get("status"), format, captures,
                    where + ".status"));
        }
        Kind kind = context.binding().kind();
        JsonNode fields = Shapes.object(entry, "readings", where).get(kind.wire());
        return fields == null ? null : reading(fields, format, captures, context, where + ".readings." + kind.wire());
    }

    private static ReadingMapping reading(JsonNode fields, PayloadFormat format, Set<String> captures,
            BindContext context, String where) {
        Kind kind = context.binding().kind();
        List<FieldSpec> specs = new ArrayList<>();
        Calibration calibration = null;
        for (Map.Entry<String, JsonNode> entry : fields.properties()) {
            ContractField field = ContractField.reading(entry.getKey());
            if (field == null || !field.belongsTo(kind)) {
                throw new IllegalArgumentException(where + "." + entry.getKey() + ": not a field of a " + kind.wire()
                        + " reading (" + String.join(", ", Readings.fieldNames(kind)) + ")");
            }
            FieldSpec spec = FieldSpecParser.parse(field, entry.getValue(), format, captures, where + "." + entry.getKey());
            if (spec.optional() && field.requiredFor(kind)) {
                throw new IllegalArgumentException(where + "." + entry.getKey() + ".optional: the contract requires "
                        + field.wire() + " in every " + kind.wire() + " reading");
            }
            calibration = spec.calibrate() ? calibration(context, where + "." + entry.getKey()) : calibration;
            specs.add(spec);
        }
        if (!context.trial()) {
            Readings.requireFields(kind, specs, context.profile());
        }
        return new ReadingMapping(specs, calibration);
    }

    private static Calibration calibration(BindContext context, String where) {
        try {
            return context.calibration();
        } catch (IllegalArgumentException e) {
            // A binding's missing or impossible calibration is about the device, not a place in the profile.
            throw context.trial() ? new IllegalArgumentException(where + ": " + e.getMessage(), e) : e;
        }
    }
}
