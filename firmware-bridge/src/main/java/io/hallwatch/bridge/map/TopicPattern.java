package io.hallwatch.bridge.map;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One vendor topic template made concrete for a device: {@code {source}} replaced by the device's
 * vendor name, every other {@code {name}} a capture of (part of) one topic level. It answers the MQTT
 * filter to subscribe to ({@code +} for each level holding a capture) and matches received topics.
 */
final class TopicPattern {

    private static final Pattern REF = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)\\}");
    private static final char CAPTURE_MARK = '\u0000';

    private final String template;
    private final Pattern regex;
    private final List<String> names;
    private final String filter;

    private TopicPattern(String template, Pattern regex, List<String> names, String filter) {
        this.template = template;
        this.regex = regex;
        this.names = List.copyOf(names);
        this.filter = filter;
    }

    /** The pattern of a template for a source; an exception when it cannot be a topic. */
    static TopicPattern compile(String template, String source) {
        StringBuilder regex = new StringBuilder();
        StringBuilder levels = new StringBuilder();
        List<String> names = new ArrayList<>();
        Matcher matcher = REF.matcher(template);
        int end = 0;
        while (matcher.find()) {
            literal(template.substring(end, matcher.start()), regex, levels);
            String name = matcher.group(1);
            if (name.equals("source")) {
                literal(source, regex, levels);
            } else if (names.contains(name)) {
                throw new IllegalArgumentException("topic '" + template + "' captures {" + name + "} twice");
            } else {
                names.add(name);
                regex.append("([^/]+)");
                levels.append(CAPTURE_MARK);
            }
            end = matcher.end();
        }
        literal(template.substring(end), regex, levels);
        return new TopicPattern(template, Pattern.compile(regex.toString()), names, filter(template, levels.toString()));
    }

    private static void literal(String text, StringBuilder regex, StringBuilder levels) {
        if (text.indexOf('+') >= 0 || text.indexOf('#') >= 0 || text.indexOf('{') >= 0 || text.indexOf('}') >= 0) {
            throw new IllegalArgumentException("topic part '" + text + "' holds + # { or }: use {name} to capture a level");
        }
        if (!text.isEmpty()) {
            regex.append(Pattern.quote(text));
            levels.append(text);
        }
    }

    private static String filter(String template, String levels) {
        if (levels.isEmpty() || levels.startsWith("$")) {
            throw new IllegalArgumentException("topic '" + template + "' is empty or starts with $");
        }
        List<String> parts = new ArrayList<>();
        for (String level : levels.split("/", -1)) {
            parts.add(level.indexOf(CAPTURE_MARK) >= 0 ? "+" : level);
        }
        return String.join("/", parts);
    }

    /** The captured parts of a topic that matches; null when it does not match. */
    Map<String, String> match(String topic) {
        Matcher matcher = regex.matcher(topic);
        if (!matcher.matches()) {
            return null;
        }
        Map<String, String> captures = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            captures.put(names.get(i), matcher.group(i + 1));
        }
        return captures;
    }

    /** The names this topic captures. */
    Set<String> captures() {
        return new LinkedHashSet<>(names);
    }

    String filter() {
        return filter;
    }

    String template() {
        return template;
    }
}
