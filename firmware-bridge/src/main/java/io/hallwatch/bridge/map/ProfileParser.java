package io.hallwatch.bridge.map;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallwatch.bridge.contract.Kind;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads and validates a profile definition (the YAML of a shipped file, a custom file or the bridge's
 * configuration): its shape here, then every topic through {@link Binder#check}. Errors name the
 * profile and the bad field.
 */
final class ProfileParser {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Set<String> KEYS = Set.of("description", "kinds", "source", "options", "topics");
    private static final Set<String> OPTION_KEYS = Set.of("type", "required", "default", "description");

    private ProfileParser() {
    }

    static Profile parse(String name, JsonNode definition) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("profile name '" + name + "' must be 1 to 64 characters of a-z 0-9 . _ -"
                    + " starting with a letter or digit");
        }
        try {
            Profile profile = read(name, definition);
            Binder.check(profile);
            return profile;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("profile " + name + ": " + e.getMessage(), e);
        }
    }

    private static Profile read(String name, JsonNode definition) {
        if (definition == null || !definition.isObject()) {
            throw new IllegalArgumentException("the definition must be a map with description, kinds, options and topics");
        }
        Shapes.onlyKeys(definition, KEYS, "the definition");
        String description = Shapes.text(definition, "description", "the definition").trim();
        Set<Kind> kinds = kinds(definition.get("kinds"));
        Map<String, ProfileOption> options = options(definition.get("options"));
        JsonNode source = definition.get("source");
        Pattern pattern = source == null ? null : sourcePattern(source);
        String sourceDescription = source == null ? null : Shapes.text(source, "description", "source");
        JsonNode topics = definition.get("topics");
        TopicShapes.check(topics, kinds, options.keySet());
        return new Profile(name, description, kinds, options, pattern, sourceDescription, topics);
    }

    private static Set<Kind> kinds(JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new IllegalArgumentException("kinds: list the kinds the profile produces (presence, signage, bin, badge)");
        }
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        for (JsonNode kind : node) {
            try {
                kinds.add(Kind.parse(kind.asText()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("kinds: " + e.getMessage(), e);
            }
        }
        return kinds;
    }

    private static Pattern sourcePattern(JsonNode source) {
        Shapes.onlyKeys(source, Set.of("pattern", "description"), "source");
        try {
            return Pattern.compile(Shapes.text(source, "pattern", "source"));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("source.pattern: not a regular expression: " + e.getDescription(), e);
        }
    }

    private static Map<String, ProfileOption> options(JsonNode node) {
        Map<String, ProfileOption> options = new LinkedHashMap<>();
        if (node == null) {
            return options;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("options: give a map from option names to their declarations");
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            options.put(entry.getKey(), option(entry.getKey(), entry.getValue(), "options." + entry.getKey()));
        }
        return options;
    }

    private static ProfileOption option(String name, JsonNode node, String where) {
        if (!OptionResolver.REF.matcher("{options." + name + "}").matches() || !node.isObject()) {
            throw new IllegalArgumentException(where + ": an option has a name of letters, digits and _ and a map"
                    + " with type, required, default and description");
        }
        Shapes.onlyKeys(node, OPTION_KEYS, where);
        ProfileOption.Type type = node.has("type") ? type(Shapes.text(node, "type", where), where) : ProfileOption.Type.TEXT;
        boolean required = Shapes.bool(node, "required", false, where);
        JsonNode fallback = node.get("default");
        String description = Shapes.text(node, "description", where).trim();
        ProfileOption option = new ProfileOption(name, type, required, fallback, description);
        if (fallback != null && required) {
            throw new IllegalArgumentException(where + ": an option with a default is not required");
        }
        if (fallback != null) {
            try {
                OptionValues.checked(option, fallback);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ".default: " + e.getMessage(), e);
            }
        }
        return option;
    }

    private static ProfileOption.Type type(String text, String where) {
        try {
            return Named.find(ProfileOption.Type.class, type -> type.name().toLowerCase(Locale.ROOT), text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ".type: " + e.getMessage(), e);
        }
    }
}
