package io.hallwatch.bridge.map;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A string template of a field: literal text with {@code {source}}, topic captures such as
 * {@code {application}}, and JSON Pointers such as {@code {/object/code}}. Rendering answers null when
 * a part is absent, so that the field counts as absent rather than half made. Numbers are written in
 * plain form ({@code 5.0} as {@code 5}), as ChirpStack turns every decoded integer into a double.
 */
final class Template {

    private static final Pattern REF = Pattern.compile("\\{([^{}]*)\\}");

    private final String text;
    private final List<Function<VendorMessage, String>> parts;

    private Template(String text, List<Function<VendorMessage, String>> parts) {
        this.text = text;
        this.parts = List.copyOf(parts);
    }

    /** Parses a template; an exception names a reference that is not source, a capture or a pointer. */
    static Template parse(String text, Set<String> captures) {
        List<Function<VendorMessage, String>> parts = new ArrayList<>();
        Matcher matcher = REF.matcher(text);
        int end = 0;
        while (matcher.find()) {
            String literal = text.substring(end, matcher.start());
            parts.add(message -> literal);
            parts.add(reference(matcher.group(1), captures));
            end = matcher.end();
        }
        String tail = text.substring(end);
        parts.add(message -> tail);
        return new Template(text, parts);
    }

    private static Function<VendorMessage, String> reference(String name, Set<String> captures) {
        if (name.equals("source")) {
            return message -> message.binding().source();
        }
        if (captures.contains(name)) {
            return message -> message.captures().get(name);
        }
        if (name.startsWith("/")) {
            JsonPointer pointer = JsonPointer.compile(name);
            return message -> message.json() == null ? null : scalarText(message.json().at(pointer));
        }
        throw new IllegalArgumentException("template '{" + name + "}' is neither {source}, a capture of the topic "
                + captures + " nor a JSON pointer such as {/field}");
    }

    private static String scalarText(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        return node.isValueNode() ? Numbers.plain(node) : node.toString();
    }

    String render(VendorMessage message) {
        StringBuilder out = new StringBuilder();
        for (Function<VendorMessage, String> part : parts) {
            String value = part.apply(message);
            if (value == null) {
                return null;
            }
            out.append(value);
        }
        return out.toString();
    }

    String text() {
        return text;
    }
}
