package io.hallwatch.bridge.map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The vendor profiles the bridge knows: the shipped ones (listed in {@code profiles/index.txt} on the
 * classpath, one YAML file each) plus custom ones from the bridge's configuration or files. Every
 * profile is validated when added; a bad one fails with an {@link IllegalArgumentException} naming
 * the profile and the bad field. Immutable and thread-safe: {@code with} answers a new instance.
 */
public final class Profiles {

    private static final String DIRECTORY = "profiles/";
    private static final YAMLMapper YAML = new YAMLMapper();

    private final Map<String, Profile> profiles;

    private Profiles(Map<String, Profile> profiles) {
        this.profiles = Collections.unmodifiableMap(new TreeMap<>(profiles));
    }

    /** The profiles shipped in the jar. */
    public static Profiles shipped() {
        return Shipped.PROFILES;
    }

    /** A custom profile, in the format of the shipped files; its name must be new. */
    public Profiles with(String name, JsonNode definition) {
        if (profiles.containsKey(name)) {
            throw new IllegalArgumentException("profile " + name + " is already defined; give a custom profile a name"
                    + " of its own");
        }
        Map<String, Profile> more = new TreeMap<>(profiles);
        more.put(name, ProfileParser.parse(name, definition));
        return new Profiles(more);
    }

    /** A custom profile file, named after the file without {@code .yaml} or {@code .yml}. */
    public Profiles withFile(Path yamlFile) throws IOException {
        String file = yamlFile.getFileName().toString();
        String name = file.replaceFirst("\\.ya?ml$", "");
        JsonNode definition;
        try {
            definition = YAML.readTree(yamlFile.toFile());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("profile file " + yamlFile + " is not valid YAML: " + e.getOriginalMessage(), e);
        }
        return with(name, definition);
    }

    /** The profile of that name; an exception listing the known names otherwise. */
    public Profile get(String name) {
        Profile profile = profiles.get(name);
        if (profile == null) {
            throw new IllegalArgumentException("unknown profile '" + name + "' (known: " + String.join(", ", names()) + ")");
        }
        return profile;
    }

    public Set<String> names() {
        return profiles.keySet();
    }

    /** The file names listed in the shipped index, for tests and documentation checks. */
    static List<String> shippedFiles() {
        try (InputStream in = resource(DIRECTORY + "index.txt");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Profiles loadShipped() {
        Map<String, Profile> profiles = new TreeMap<>();
        for (String file : shippedFiles()) {
            String name = file.replaceFirst("\\.ya?ml$", "");
            try (InputStream in = resource(DIRECTORY + file)) {
                profiles.put(name, ProfileParser.parse(name, YAML.readTree(in)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read shipped profile " + file, e);
            }
        }
        return new Profiles(profiles);
    }

    private static InputStream resource(String path) throws IOException {
        InputStream in = Profiles.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IOException("the jar lacks " + path);
        }
        return in;
    }

    /** Loaded on first use, once: the shipped profiles never change while the bridge runs. */
    private static final class Shipped {
        static final Profiles PROFILES = loadShipped();
    }
}
