package io.hallwatch.bridge.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code {options.name}} references in a profile's topic definitions with a binding's option
 * values. A text that is exactly one reference becomes the option's value (which may be a whole field
 * definition), or disappears when the option is unset and has no default, so that an optional field
 * or topic driven by an option is simply left out. A reference inside a longer text is replaced by
 * the option's text and needs the option; while a profile is only checked ({@code trial}), a
 * placeholder stands in for an unset one. Inserted values are not searched for references again.
 */
final class OptionResolver {

    static final Pattern REF = Pattern.compile("\\{options\\.([A-Za-z][A-Za-z0-9_]*)\\}");
    private static final String PLACEHOLDER = "option";

    private final Map<String, JsonNode> values;
    private final boolean trial;

    OptionResolver(Map<String, JsonNode> values, boolean trial) {
        this.values = values;
        this.trial = trial;
    }

    /** The node with references replaced; null when it is a reference to an unset option. */
    JsonNode resolve(JsonNode node) {
        if (node.isTextual()) {
            return text(node.textValue());
        }
        if (node.isObject()) {
            return object(node);
        }
        return node.isArray() ? array(node) : node;
    }

    private ObjectNode object(JsonNode node) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            JsonNode value = resolve(field.getValue());
            if (value != null) {
                out.set(field.getKey(), value);
            }
        }
        return out;
    }

    private ArrayNode array(JsonNode node) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (JsonNode element : node) {
            JsonNode value = resolve(element);
            if (value != null) {
                out.add(value);
            }
        }
        return out;
    }

    private JsonNode text(String text) {
        Matcher whole = REF.matcher(text);
        if (whole.matches()) {
            JsonNode value = values.get(whole.group(1));
            return value == null ? null : value.deepCopy();
        }
        Matcher matcher = REF.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(inserted(matcher.group(1), text)));
        }
        matcher.appendTail(out);
        return TextNode.valueOf(out.toString());
    }

    private String inserted(String name, String text) {
        JsonNode value = values.get(name);
        if (value == null && trial) {
            return PLACEHOLDER;
        }
        if (value == null) {
            throw new IllegalArgumentException("'" + text + "' needs option " + name);
        }
        if (!value.isValueNode()) {
            throw new IllegalArgumentException("option " + name + " must be a text to be used in '" + text + "'");
        }
        return value.asText();
    }

    /** The option names a definition refers to. */
    static Set<String> references(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        if (node.isTextual()) {
            Matcher matcher = REF.matcher(node.textValue());
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        node.forEach(child -> names.addAll(references(child)));
        return names;
    }
}
