package io.hallwatch.support;

import io.hallwatch.support.InfluxQlNames.Kind;
import io.hallwatch.support.InfluxQlNames.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits InfluxQL into tokens: words, "quoted identifiers", 'strings', /regexes/ (where a regex may
 * stand: after {@code =~}, {@code !~} or {@code FROM}; elsewhere {@code /} divides), numbers with
 * their duration unit ({@code 30d}, {@code 1741946400000ms}), Grafana variables and symbols.
 */
final class InfluxQlTokenizer {

    private static final Set<String> TWO_CHAR = Set.of("=~", "!~", "!=", "<>", "<=", ">=", "::");

    private final String text;
    private final List<Token> tokens = new ArrayList<>();
    private int at;

    InfluxQlTokenizer(String text) {
        this.text = text;
    }

    List<Token> tokens() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (Character.isWhitespace(c)) {
                at++;
            } else if (c == '\'' || c == '"') {
                add(c == '"' ? Kind.QUOTED : Kind.STRING, delimited(c));
            } else if (c == '/' && regexMayFollow()) {
                add(Kind.REGEX, delimited('/'));
            } else if (Character.isDigit(c) || c == '.' && at + 1 < text.length() && Character.isDigit(text.charAt(at + 1))) {
                add(Kind.NUMBER, number());
            } else if (Character.isLetter(c) || c == '_') {
                add(Kind.WORD, word());
            } else if (c == '$' || text.startsWith("[[", at)) {
                add(Kind.VARIABLE, variable());
            } else {
                String two = at + 2 <= text.length() ? text.substring(at, at + 2) : "";
                String symbol = TWO_CHAR.contains(two) ? two : String.valueOf(c);
                at += symbol.length();
                add(Kind.SYMBOL, symbol);
            }
        }
        return tokens;
    }

    private boolean regexMayFollow() {
        if (tokens.isEmpty()) {
            return false;
        }
        Token last = tokens.get(tokens.size() - 1);
        return last.is("=~") || last.is("!~") || last.is("FROM") || last.is(",") && fromList();
    }

    private boolean fromList() {
        for (int i = tokens.size() - 1; i >= 0; i--) {
            Token token = tokens.get(i);
            if (token.is("FROM")) {
                return true;
            }
            if (token.kind() == Kind.WORD || token.is("(") || token.is(")")) {
                return false;
            }
        }
        return false;
    }

    /** The text between {@code quote} and the next unescaped one, with escapes undone. */
    private String delimited(char quote) {
        StringBuilder out = new StringBuilder();
        at++;
        while (at < text.length() && text.charAt(at) != quote) {
            if (text.charAt(at) == '\\' && at + 1 < text.length()) {
                at++;
                if (quote == '/' && text.charAt(at) != '/') {
                    out.append('\\');
                }
            }
            out.append(text.charAt(at++));
        }
        if (at >= text.length()) {
            throw new IllegalArgumentException("unterminated " + quote + " at " + out);
        }
        at++;
        return out.toString();
    }

    private String number() {
        int start = at;
        while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.')) {
            at++;
        }
        while (at < text.length() && (Character.isLetter(text.charAt(at)))) {
            at++;
        }
        return text.substring(start, at);
    }

    private String word() {
        int start = at;
        while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
            at++;
        }
        return text.substring(start, at);
    }

    private String variable() {
        int start = at;
        int close = text.startsWith("[[", at) ? text.indexOf("]]", at) : text.startsWith("${", at) ? text.indexOf('}', at) : -1;
        if (close > start) {
            at = close + (text.charAt(close) == ']' ? 2 : 1);
        } else {
            at++;
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
                at++;
            }
        }
        return text.substring(start, at);
    }

    private void add(Kind kind, String value) {
        tokens.add(new Token(kind, value));
    }
}
