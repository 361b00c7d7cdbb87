package io.hallwatch.audit;

import com.fasterxml.jackson.annotation.JsonValue;
import io.hallwatch.platform.Json;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code details} of an audit line: what changed, as JSON. A creation keeps the whole new object
 * under {@code after}, a removal the whole old one under {@code before}; an update keeps only the fields
 * that differ, under {@code before} and {@code after}, with nested fields named by dotted paths
 * ({@code rules.binFullPercent}) and lists compared whole (lists of plain values as sets). Objects are taken as the API shows them
 * (views), which never hold a password, a hash or a channel's URL or secret; {@link #without} drops
 * what an auditor need not see even so. Further facts are added with {@link #with}.
 */
public final class Changes {

    private final Map<String, Object> json = new LinkedHashMap<>();

    private Changes() {
    }

    /** Details of a creation: {@code {"after": {...}}}. */
    public static Changes created(Object after) {
        return new Changes().with("after", Json.toMap(after));
    }

    /** Details of a removal: {@code {"before": {...}}}. */
    public static Changes deleted(Object before) {
        return new Changes().with("before", Json.toMap(before));
    }

    /** The fields that differ between two states of one object; a null side makes it a creation or a removal. */
    public static Changes between(Object before, Object after) {
        if (before == null) {
            return created(after);
        }
        if (after == null) {
            return deleted(before);
        }
        Map<String, Object> was = new LinkedHashMap<>();
        Map<String, Object> is = new LinkedHashMap<>();
        diff("", Json.toMap(before), Json.toMap(after), was, is);
        return new Changes().with("before", was).with("after", is);
    }

    /** Details that are plain facts: {@code {"key": value}}. */
    public static Changes of(String key, Object value) {
        return new Changes().with(key, value);
    }

    /**
     * What a write-only setting (a URL, a secret) came to, never the value itself: {@code replaced},
     * {@code removed} (blank), or null when it was left out and kept.
     */
    public static String replaced(String given) {
        if (given == null) {
            return null;
        }
        return given.isBlank() ? "removed" : "replaced";
    }

    /** Adds a fact; a null value is left out. */
    public Changes with(String key, Object value) {
        if (value != null) {
            json.put(key, value);
        }
        return this;
    }

    /** Drops these top-level fields of the object from {@code before} and {@code after}. */
    public Changes without(String... fields) {
        for (String side : new String[] {"before", "after"}) {
            if (json.get(side) instanceof Map<?, ?> map) {
                for (String field : fields) {
                    map.remove(field);
                }
            }
        }
        return this;
    }

    @JsonValue
    public Map<String, Object> json() {
        return json;
    }

    @SuppressWarnings("unchecked")
    private static void diff(String prefix, Map<String, Object> before, Map<String, Object> after,
            Map<String, Object> was, Map<String, Object> is) {
        Set<String> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            Object old = before.get(key);
            Object now = after.get(key);
            if (Objects.equals(canonical(old), canonical(now))) {
                continue;
            }
            if (old instanceof Map && now instanceof Map) {
                diff(prefix + key + ".", (Map<String, Object>) old, (Map<String, Object>) now, was, is);
                continue;
            }
            if (before.containsKey(key)) {
                was.put(prefix + key, old);
            }
            if (after.containsKey(key)) {
                is.put(prefix + key, now);
            }
        }
    }

    /**
     * The value with every list of plain values sorted, for comparing only: those lists are sets (roles,
     * halls, weekdays, windows) whose order depends on how they were read, not on what changed.
     */
    private static Object canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, canonical(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = list.stream().map(Changes::canonical).toList();
            boolean plain = copy.stream().allMatch(v -> v instanceof String || v instanceof Number || v instanceof Boolean);
            return plain ? copy.stream().sorted(Comparator.comparing(String::valueOf)).toList() : copy;
        }
        return value;
    }

    @Override
    public String toString() {
        return Json.write(json);
    }
}
