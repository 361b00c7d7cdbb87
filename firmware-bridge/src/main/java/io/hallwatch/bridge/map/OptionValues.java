package io.hallwatch.bridge.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The option values in effect for one binding: its own options over the profile's defaults, each
 * checked against the profile's declaration, so that a typo in an option name or a missing
 * calibration is found when the bridge starts rather than on the first message.
 */
final class OptionValues {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OptionValues() {
    }

    static Map<String, JsonNode> defaults(Profile profile) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        for (ProfileOption option : profile.options()) {
            if (option.defaultValue() != null) {
                values.put(option.name(), option.defaultValue());
            }
        }
        return values;
    }

    static Map<String, JsonNode> of(Profile profile, Map<String, Object> given) {
        Map<String, JsonNode> values = defaults(profile);
        for (Map.Entry<String, Object> entry : given.entrySet()) {
            ProfileOption option = profile.optionMap().get(entry.getKey());
            if (option == null) {
                throw new IllegalArgumentException("unknown option '" + entry.getKey() + "' (" + known(profile) + ")");
            }
            values.put(option.name(), checked(option, JSON.valueToTree(entry.getValue())));
        }
        for (ProfileOption option : profile.options()) {
            if (option.required() && !values.containsKey(option.name())) {
                throw new IllegalArgumentException("option " + option.name() + " is required: " + option.description());
            }
        }
        return values;
    }

    /** The value when it fits the option's type; an exception naming the option otherwise. */
    static JsonNode checked(ProfileOption option, JsonNode value) {
        boolean fits;
        switch (option.type()) {
            case NUMBER:
                fits = value.isNumber() && Double.isFinite(value.doubleValue());
                break;
            case FIELD:
                fits = value.isTextual() || value.isArray() || value.isObject();
                break;
            default:
                fits = value.isValueNode() && !value.isNull();
        }
        if (!fits) {
            throw new IllegalArgumentException("option " + option.name() + " must be " + expected(option.type())
                    + ", not " + value);
        }
        return value;
    }

    private static String expected(ProfileOption.Type type) {
        switch (type) {
            case NUMBER:
                return "a number";
            case FIELD:
                return "a field definition (a pointer, a list of pointers, or a map with from, value or template)";
            default:
                return "a text";
        }
    }

    private static String known(Profile profile) {
        return profile.optionMap().isEmpty() ? "profile " + profile.name() + " takes no options"
                : "profile " + profile.name() + " knows " + String.join(", ", profile.optionMap().keySet());
    }
}
