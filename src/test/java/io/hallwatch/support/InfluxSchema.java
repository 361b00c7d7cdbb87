package io.hallwatch.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallwatch.support.InfluxQlNames.Scope;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The measurements, tag keys and field keys a database holds ({@code SHOW MEASUREMENTS},
 * {@code SHOW TAG KEYS}, {@code SHOW FIELD KEYS}), and the check of a query against them: every
 * measurement it reads must exist, and every name it uses must be a tag or field of what it reads
 * from (a tag, for SHOW TAG), an alias it defines, or a column of its subquery.
 */
final class InfluxSchema {

    private final Map<String, Set<String>> tags;
    private final Map<String, Set<String>> fields;

    InfluxSchema(Map<String, Set<String>> tags, Map<String, Set<String>> fields) {
        this.tags = tags;
        this.fields = fields;
    }

    static InfluxSchema read(InfluxDb1 influx, String database) {
        Map<String, Set<String>> tags = new TreeMap<>();
        Map<String, Set<String>> fields = new TreeMap<>();
        for (String measurement : firstColumn(influx.query(database, "SHOW MEASUREMENTS"))) {
            tags.put(measurement, new TreeSet<>());
            fields.put(measurement, new TreeSet<>());
        }
        readKeys(influx.query(database, "SHOW TAG KEYS"), tags);
        readKeys(influx.query(database, "SHOW FIELD KEYS"), fields);
        return new InfluxSchema(tags, fields);
    }

    Set<String> measurements() {
        return tags.keySet();
    }

    /** What is wrong with the names of {@code query}; empty when every name is there. */
    List<String> problems(String query) {
        List<String> problems = new ArrayList<>();
        InfluxQlNames.Analysis analysis;
        try {
            analysis = InfluxQlNames.analyse(query);
        } catch (IllegalArgumentException e) {
            return List.of("cannot read the query: " + e.getMessage());
        }
        analysis.unrendered().forEach(v -> problems.add("variable " + v + " is not defined"));
        analysis.statements().forEach(statement -> check(statement, problems));
        return problems;
    }

    private void check(Scope scope, List<String> problems) {
        boolean known = true;
        for (String measurement : scope.measurements()) {
            if (!tags.containsKey(measurement)) {
                problems.add("measurement \"" + measurement + "\" is not in the database");
                known = false;
            }
        }
        if (scope.subquery() != null) {
            check(scope.subquery(), problems);
        }
        if (!known || scope.measurementRegex() || scope.subquery() == null && scope.measurements().isEmpty()) {
            return;
        }
        Set<String> allowed = new HashSet<>(scope.aliases());
        allowed.add("time");
        allowed.addAll(scope.subquery() != null ? columns(scope.subquery()) : keys(scope));
        for (String name : scope.names()) {
            if (!allowed.contains(name)) {
                problems.add("\"" + name + "\" is not " + (scope.subquery() != null ? "a column of the subquery"
                        : (scope.tagsOnly() ? "a tag of " : "a tag or field of ") + String.join(", ", scope.measurements())));
            }
        }
    }

    private Set<String> keys(Scope scope) {
        Set<String> keys = new HashSet<>();
        for (String measurement : scope.measurements()) {
            keys.addAll(tags.getOrDefault(measurement, Set.of()));
            if (!scope.tagsOnly()) {
                keys.addAll(fields.getOrDefault(measurement, Set.of()));
            }
        }
        return keys;
    }

    /** What a subquery hands out: its aliases and names, the tags of what it reads (GROUP BY passes them on). */
    private Set<String> columns(Scope subquery) {
        Set<String> columns = new HashSet<>(subquery.aliases());
        columns.addAll(subquery.names());
        subquery.measurements().forEach(m -> columns.addAll(tags.getOrDefault(m, Set.of())));
        if (subquery.subquery() != null) {
            columns.addAll(columns(subquery.subquery()));
        }
        return columns;
    }

    private static void readKeys(JsonNode results, Map<String, Set<String>> into) {
        for (JsonNode series : results.path(0).path("series")) {
            Set<String> keys = into.computeIfAbsent(series.path("name").asText(), m -> new TreeSet<>());
            series.path("values").forEach(row -> keys.add(row.path(0).asText()));
        }
    }

    private static Collection<String> firstColumn(JsonNode results) {
        List<String> values = new ArrayList<>();
        for (JsonNode series : results.path(0).path("series")) {
            series.path("values").forEach(row -> values.add(row.path(0).asText()));
        }
        return values;
    }
}
