package io.hallwatch.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every setting of the service that a file under {@code deploy/} names: environment variables in
 * compose {@code environment:} blocks, env files ({@code .env.example}, the systemd environment file,
 * commented-out lines included), ConfigMap and Secret keys, container {@code env}, systemd
 * {@code Environment=} lines, and, in any text file (READMEs, scripts, Dockerfile), words shaped like
 * {@code HALLWATCH_...}/{@code QUARKUS_...} or {@code hallwatch.…=}/{@code quarkus.…=}. Only names with
 * those prefixes are kept: the others belong to Mosquitto, PostgreSQL, InfluxDB, Grafana or compose.
 */
final class DeployedNames {

    /** A name found in a file; {@code variable} tells an environment variable from a property. */
    record Named(Path file, String name, boolean variable) {
    }

    private static final Pattern ENV_LINE = Pattern.compile("(?m)^\\s*#?\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)=");
    private static final Pattern VARIABLE_WORD = Pattern.compile("\\b((?:HALLWATCH|QUARKUS)_[A-Z0-9][A-Z0-9_]*)\\b");
    private static final Pattern PROPERTY_ASSIGNMENT = Pattern.compile("\\b((?:hallwatch|quarkus)\\.[a-z0-9][a-z0-9.\\-]*)\\s*=");
    private static final Pattern UNIT_ENVIRONMENT = Pattern.compile("(?m)^Environment=(.*)$");
    private static final Pattern UNIT_ASSIGNMENT = Pattern.compile("\"?([A-Za-z_][A-Za-z0-9_]*)=");

    private final List<Named> found = new ArrayList<>();

    List<Named> found() {
        return found;
    }

    /** Names in an env file: every {@code NAME=} line, commented out or not. */
    void envFile(Path file) {
        addVariables(file, ENV_LINE.matcher(text(file)));
    }

    /** The keys of a compose service's {@code environment:}, as a map or as a list of NAME=value. */
    void composeEnvironment(Path file, Object environment) {
        if (environment instanceof Map<?, ?> map) {
            map.keySet().forEach(key -> addVariable(file, String.valueOf(key)));
        } else if (environment instanceof List<?> list) {
            list.forEach(item -> addVariable(file, String.valueOf(item).split("=", 2)[0]));
        }
    }

    /** Keys of a ConfigMap's or Secret's {@code data}/{@code stringData}, or names of a container's {@code env}. */
    void keys(Path file, Iterable<?> names) {
        names.forEach(name -> addVariable(file, String.valueOf(name)));
    }

    /** {@code Environment=NAME=value "NAME2=value 2"} lines of a systemd unit. */
    void unitEnvironment(Path file) {
        Matcher line = UNIT_ENVIRONMENT.matcher(text(file));
        while (line.find()) {
            addVariables(file, UNIT_ASSIGNMENT.matcher(line.group(1)));
        }
    }

    /** Words shaped like the service's settings anywhere in a text file. */
    void anyText(Path file) {
        String text = read(file);
        if (text == null) {
            return;
        }
        addVariables(file, VARIABLE_WORD.matcher(text));
        Matcher property = PROPERTY_ASSIGNMENT.matcher(text);
        while (property.find()) {
            found.add(new Named(file, property.group(1), false));
        }
    }

    /** Every regular file under {@code dir}. */
    static List<Path> filesUnder(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private void addVariables(Path file, Matcher matcher) {
        while (matcher.find()) {
            addVariable(file, matcher.group(1));
        }
    }

    private void addVariable(Path file, String name) {
        if (name.startsWith("HALLWATCH_") || name.startsWith("QUARKUS_")) {
            found.add(new Named(file, name, true));
        }
    }

    static String text(Path file) {
        String text = read(file);
        if (text == null) {
            throw new IllegalStateException(file + " is not UTF-8 text");
        }
        return text;
    }

    /** The file's text, or null for a file that is not UTF-8 text. */
    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
