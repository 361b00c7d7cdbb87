package io.hallwatch.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The configuration properties the service reads, taken from its own sources rather than from its
 * documentation: the {@code @ConfigMapping} interfaces ({@link ConfigMappings}), {@code @ConfigProperty}
 * names, {@code ${name}} expressions and {@code getValue("name")} look-ups in {@code src/main/java}, the
 * keys of {@code application.properties}, and a short list of Quarkus properties that deployments set
 * although the application does not mention them. Environment variable names are matched by the
 * MicroProfile Config rule: a property's name upper-cased, every character other than a letter or digit
 * replaced by {@code _}.
 */
final class ServiceSettings {

    /**
     * Quarkus properties a deployment may set that application.properties does not name: the HTTP port,
     * the log level and the extra configuration file (compose hands the InfluxDB token over in one).
     * The datasource URL and account are keys of application.properties already, listed for clarity.
     */
    static final Set<String> QUARKUS_ALLOWED = Set.of("quarkus.http.port", "quarkus.http.host", "quarkus.log.level",
            "quarkus.config.locations", "quarkus.datasource.jdbc.url", "quarkus.datasource.username",
            "quarkus.datasource.password");

    /**
     * InfluxDB recording (io.hallwatch.timeseries, being written while deploy/ was): used only while
     * no {@code @ConfigMapping(prefix = "hallwatch.timeseries")} exists in the sources; once it exists,
     * its own names are the truth and this list is ignored.
     */
    static final Set<String> TIMESERIES_EXPECTED = Set.of("hallwatch.timeseries.url", "hallwatch.timeseries.token",
            "hallwatch.timeseries.org", "hallwatch.timeseries.bucket");

    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\s*\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([A-Za-z][\\w.\\-]*)(?::[^}]*)?}");
    private static final Pattern LOOK_UP = Pattern.compile("get(?:Optional)?Value\\s*\\(\\s*\"([^\"]+)\"");
    private static final Pattern PROFILE = Pattern.compile("^%[\\w,-]+\\.");

    private final Set<String> properties = new TreeSet<>();
    private final Set<String> prefixes = new TreeSet<>();

    /** Reads the service at {@code root} (the repository's root). */
    static ServiceSettings of(Path root) {
        ServiceSettings settings = new ServiceSettings();
        List<String> sources = javaSources(root.resolve("src/main/java"));
        ConfigMappings mappings = new ConfigMappings(sources);
        settings.properties.addAll(mappings.names());
        settings.prefixes.addAll(mappings.prefixes());
        sources.forEach(settings::addLiterals);
        settings.properties.addAll(propertyKeys(root.resolve("src/main/resources/application.properties")));
        settings.properties.addAll(QUARKUS_ALLOWED);
        if (settings.properties.stream().noneMatch(p -> p.startsWith("hallwatch.timeseries."))) {
            settings.properties.addAll(TIMESERIES_EXPECTED);
        }
        return settings;
    }

    Set<String> properties() {
        return properties;
    }

    boolean readsProperty(String name) {
        String key = PROFILE.matcher(name).replaceFirst("");
        return properties.contains(key) || prefixes.stream().anyMatch(key::startsWith);
    }

    boolean readsVariable(String variable) {
        return properties.stream().anyMatch(p -> environmentName(p).equals(variable))
                || prefixes.stream().anyMatch(p -> variable.startsWith(environmentName(p)));
    }

    /** MicroProfile Config's environment variable for a property: {@code hallwatch.mqtt.client-id} is HALLWATCH_MQTT_CLIENT_ID. */
    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private void addLiterals(String source) {
        for (Pattern pattern : List.of(CONFIG_PROPERTY, EXPRESSION, LOOK_UP)) {
            Matcher matcher = pattern.matcher(source);
            while (matcher.find()) {
                properties.add(matcher.group(1));
            }
        }
    }

    private static List<String> javaSources(Path dir) {
        List<String> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                sources.add(ConfigMappings.withoutComments(Files.readString(file, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the service's sources under " + dir, e);
        }
        return sources;
    }

    private static Set<String> propertyKeys(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Set<String> keys = new TreeSet<>();
        properties.stringPropertyNames().forEach(key -> keys.add(PROFILE.matcher(key).replaceFirst("")));
        return keys;
    }
}
