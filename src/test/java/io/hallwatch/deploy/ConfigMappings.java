package io.hallwatch.deploy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The property names of the {@code @ConfigMapping} interfaces in Java sources, read from the source text
 * the way SmallRye Config derives them: the prefix, then each method name in kebab case
 * ({@code maxFutureSkew()} is {@code max-future-skew}), {@code @WithName} replacing it, a method that
 * returns a group interface (nested, or another interface of the sources) adding a path segment, and
 * {@code @WithParentName} adding none. A {@code Map} of groups reads every name under its segment, which
 * {@link #prefixes()} returns with a trailing dot.
 */
final class ConfigMappings {

    private static final Pattern MAPPING = Pattern.compile(
            "@ConfigMapping\\s*\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"[^)]*\\)[^{]*?\\binterface\\s+(\\w+)[^{]*\\{");
    private static final Pattern INTERFACE = Pattern.compile("\\binterface\\s+(\\w+)[^{;]*\\{");
    private static final Pattern METHOD = Pattern.compile(
            "((?:@[\\w.]+(?:\\s*\\([^()]*\\))?\\s*)*)([\\w.]+(?:\\s*<[\\w.<>,?\\s\\[\\]]*>)?(?:\\[\\])*)\\s+(\\w+)\\s*\\(\\s*\\)\\s*;");
    private static final Pattern WITH_NAME = Pattern.compile("@(?:io\\.smallrye\\.config\\.)?WithName\\s*\\(\\s*\"([^\"]+)\"");
    private static final Pattern OPTIONAL = Pattern.compile("(?:java\\.util\\.)?Optional\\s*<\\s*([\\w.]+)\\s*>");
    private static final Pattern MAP = Pattern.compile("(?:java\\.util\\.)?Map\\s*<[^,]+,\\s*([\\w.]+)\\s*>");

    private final Map<String, String> groups = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private final List<String> prefixes = new ArrayList<>();

    /** Reads the mappings of these sources (already without comments); groups may live in any of them. */
    ConfigMappings(List<String> sources) {
        sources.forEach(source -> indexInterfaces(source, groups));
        for (String source : sources) {
            Matcher mapping = MAPPING.matcher(source);
            while (mapping.find()) {
                String body = blockAt(source, mapping.end() - 1);
                collect(mapping.group(1), body, 0);
            }
        }
    }

    List<String> names() {
        return names;
    }

    List<String> prefixes() {
        return prefixes;
    }

    private void collect(String prefix, String body, int depth) {
        if (depth > 8) {
            throw new IllegalStateException("config groups nest deeper than 8 under " + prefix);
        }
        Map<String, String> nested = new HashMap<>();
        indexInterfaces(body, nested);
        groups.forEach(nested::putIfAbsent);
        Matcher method = METHOD.matcher(flatten(body));
        while (method.find()) {
            String annotations = method.group(1);
            String type = method.group(2).replaceAll("\\s+", "");
            String name = propertyName(annotations, method.group(3));
            String path = name.isEmpty() ? prefix : prefix + "." + name;
            Matcher map = MAP.matcher(type);
            if (map.matches()) {
                prefixes.add(path + ".");
                continue;
            }
            String group = nested.get(simpleName(unwrapOptional(type)));
            if (group != null) {
                collect(path, group, depth + 1);
            } else {
                names.add(path);
            }
        }
    }

    private static String propertyName(String annotations, String method) {
        Matcher withName = WITH_NAME.matcher(annotations);
        if (withName.find()) {
            return withName.group(1);
        }
        return annotations.contains("WithParentName") ? "" : kebab(method);
    }

    /** {@code maxFutureSkew} to {@code max-future-skew}, as SmallRye's default naming strategy does. */
    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").replaceAll("([A-Z])([A-Z][a-z])", "$1-$2")
                .toLowerCase(Locale.ROOT);
    }

    private static String unwrapOptional(String type) {
        Matcher optional = OPTIONAL.matcher(type);
        return optional.matches() ? optional.group(1) : type;
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    private static void indexInterfaces(String source, Map<String, String> into) {
        Matcher declaration = INTERFACE.matcher(source);
        while (declaration.find()) {
            into.putIfAbsent(declaration.group(1), blockAt(source, declaration.end() - 1));
        }
    }

    /** The text between the brace at {@code open} and its partner. */
    static String blockAt(String source, int open) {
        int depth = 0;
        for (int i = open; i < source.length(); i++) {
            char c = source.charAt(i);
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (depth == 0) {
                return source.substring(open + 1, i);
            }
        }
        throw new IllegalStateException("unbalanced braces after offset " + open);
    }

    /** The body with every nested block emptied, so that only its own declarations remain. */
    private static String flatten(String body) {
        StringBuilder flat = new StringBuilder();
        int depth = 0;
        for (char c : body.toCharArray()) {
            if (c == '}') {
                depth--;
            }
            if (depth == 0) {
                flat.append(c);
            }
            if (c == '{') {
                depth++;
            }
        }
        return flat.toString();
    }

    /**
     * Java source without its comments, string and character literals kept as they are (a URL in
     * {@code @WithDefault("http://...")} is not a comment).
     */
    static String withoutComments(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '"' || c == '\'') {
                int end = literalEnd(source, i, c);
                out.append(source, i, end);
                i = end;
            } else if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? source.length() : end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? source.length() : end + 2;
                out.append(' ');
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int literalEnd(String source, int start, char quote) {
        int i = start + 1;
        while (i < source.length() && source.charAt(i) != quote) {
            i += source.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i + 1, source.length());
    }
}
