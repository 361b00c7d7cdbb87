package io.hallwatch.bridge.map;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallwatch.bridge.contract.Kind;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A validated vendor profile: which HallWatch kinds it produces, the options it reads from a
 * binding, what a binding's {@code source} must look like, and its topic definitions (see
 * docs/bridge-profiles.md). Immutable; made by {@link Profiles}, turned into topics per device by the
 * {@link Router}.
 */
public final class Profile {

    private final String name;
    private final String description;
    private final Set<Kind> kinds;
    private final Map<String, ProfileOption> options;
    private final Pattern sourcePattern;
    private final String sourceDescription;
    private final JsonNode topics;

    Profile(String name, String description, Set<Kind> kinds, Map<String, ProfileOption> options,
            Pattern sourcePattern, String sourceDescription, JsonNode topics) {
        this.name = name;
        this.description = description;
        this.kinds = Collections.unmodifiableSet(EnumSet.copyOf(kinds));
        this.options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        this.sourcePattern = sourcePattern;
        this.sourceDescription = sourceDescription;
        this.topics = topics.deepCopy();
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    /** The HallWatch kinds a device bound to this profile may have. */
    public Set<Kind> kinds() {
        return kinds;
    }

    /** The options a binding may set, in the profile's order. */
    public List<ProfileOption> options() {
        return List.copyOf(options.values());
    }

    Map<String, ProfileOption> optionMap() {
        return options;
    }

    /** The topic definitions as written; never modified (read by many threads). */
    JsonNode topics() {
        return topics;
    }

    /** An exception saying what a source must be when this one is not. */
    void checkSource(String source) {
        if (sourcePattern != null && !sourcePattern.matcher(source).matches()) {
            throw new IllegalArgumentException("source '" + source + "' must be " + sourceDescription);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
