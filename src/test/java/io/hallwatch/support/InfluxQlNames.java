package io.hallwatch.support;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * The names an InfluxQL query uses, statement by statement and subquery by subquery: the measurements
 * after {@code FROM}, the identifiers it reads (quoted or bare, in SELECT, WHERE, GROUP BY, WITH KEY),
 * the aliases it defines ({@code AS}), and any Grafana variable left unrendered, wherever it stands. Keywords, function
 * names, string and regex literals, numbers and durations are not names. It reads; it does not
 * validate syntax (InfluxDB does that when the query runs).
 */
final class InfluxQlNames {

    enum Kind { WORD, QUOTED, STRING, REGEX, NUMBER, VARIABLE, SYMBOL }

    record Token(Kind kind, String text) {

        boolean is(String word) {
            return (kind == Kind.WORD || kind == Kind.SYMBOL) && text.equalsIgnoreCase(word);
        }
    }

    /**
     * One SELECT or SHOW: what it reads from (measurements, a regex, or a subquery), the names it
     * uses and the aliases it defines; {@code tagsOnly} for SHOW TAG, whose names must be tag keys.
     */
    record Scope(Set<String> measurements, boolean measurementRegex, Scope subquery, Set<String> names,
                 Set<String> aliases, boolean tagsOnly) {
    }

    /** The statements of a query and the Grafana variables ({@code $x}, {@code [[x]]}) still in it. */
    record Analysis(List<Scope> statements, List<String> unrendered) {
    }

    private static final Set<String> KEYWORDS = Set.of("SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "AS", "GROUP",
            "BY", "ORDER", "ASC", "DESC", "LIMIT", "SLIMIT", "OFFSET", "SOFFSET", "FILL", "NULL", "NONE", "PREVIOUS",
            "LINEAR", "TIME", "TRUE", "FALSE", "SHOW", "TAG", "TAGS", "FIELD", "KEY", "KEYS", "VALUES", "MEASUREMENT",
            "MEASUREMENTS", "SERIES", "WITH", "IN", "ON", "INTO", "DISTINCT", "RETENTION", "POLICY", "POLICIES",
            "DATABASES", "CARDINALITY", "EXACT", "INTEGER", "FLOAT", "STRING", "BOOLEAN");

    /** A Grafana variable anywhere, inside regex and string literals too. */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{\\w+[^}]*}|\\[\\[\\w+[^\\]]*]]|\\$\\w+");

    private InfluxQlNames() {
    }

    static Analysis analyse(String query) {
        List<Token> tokens = tokens(query);
        List<String> unrendered = VARIABLE.matcher(query).results().map(MatchResult::group).toList();
        List<Scope> statements = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= tokens.size(); i++) {
            if (i == tokens.size() || tokens.get(i).is(";")) {
                if (i > start) {
                    statements.add(statement(tokens.subList(start, i)));
                }
                start = i + 1;
            }
        }
        return new Analysis(statements, unrendered);
    }

    private static Scope statement(List<Token> tokens) {
        Set<String> measurements = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        Set<String> aliases = new LinkedHashSet<>();
        boolean tagsOnly = tokens.size() > 1 && tokens.get(0).is("SHOW") && tokens.get(1).is("TAG");
        boolean regex = false;
        Scope subquery = null;
        int i = 0;
        while (i < tokens.size()) {
            Token token = tokens.get(i);
            if (token.is("FROM") && i + 1 < tokens.size() && tokens.get(i + 1).is("(")) {
                int close = closing(tokens, i + 1);
                subquery = statement(tokens.subList(i + 2, close));
                i = close + 1;
            } else if (token.is("FROM")) {
                i = measurements(tokens, i + 1, measurements);
                regex |= measurements.removeIf(m -> m.startsWith("/"));
            } else if (token.is("AS") && i + 1 < tokens.size()) {
                aliases.add(tokens.get(i + 1).text());
                i += 2;
            } else {
                if (isName(tokens, i)) {
                    names.add(token.text());
                }
                i++;
            }
        }
        return new Scope(measurements, regex, subquery, names, aliases, tagsOnly);
    }

    /** Reads {@code "m"}, {@code "db"."rp"."m"}, {@code /regex/}, comma-separated; returns the index after. */
    private static int measurements(List<Token> tokens, int at, Set<String> into) {
        int i = at;
        while (i < tokens.size()) {
            Token token = tokens.get(i);
            String name = token.kind() == Kind.REGEX ? "/" + token.text() : token.text();
            while (i + 2 < tokens.size() && tokens.get(i + 1).is(".")) {
                i += 2;
                name = tokens.get(i).text();
            }
            into.add(name);
            i++;
            if (i < tokens.size() && tokens.get(i).is(",")) {
                i++;
            } else {
                return i;
            }
        }
        return i;
    }

    private static boolean isName(List<Token> tokens, int i) {
        Token token = tokens.get(i);
        if (token.kind() == Kind.QUOTED) {
            return true;
        }
        if (token.kind() != Kind.WORD || KEYWORDS.contains(token.text().toUpperCase(Locale.ROOT))) {
            return false;
        }
        boolean function = i + 1 < tokens.size() && tokens.get(i + 1).is("(");
        boolean cast = i > 0 && tokens.get(i - 1).is("::");
        return !function && !cast;
    }

    private static int closing(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            depth += tokens.get(i).is("(") ? 1 : tokens.get(i).is(")") ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced parentheses");
    }

    static List<Token> tokens(String query) {
        return new InfluxQlTokenizer(query).tokens();
    }
}
