package io.hallwatch.bridge.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader for files people edit by hand: comma-separated fields, double-quoted
 * fields with {@code ""} for a quote (and line breaks inside quotes), CRLF or LF line ends, a leading
 * byte-order mark ignored. Blank lines and lines starting with {@code #} (outside quotes) are skipped.
 * Every record keeps the 1-based line it starts on, so that problems can name the line a person sees
 * in an editor. A syntax error (an unterminated quote, text after a closing quote) is reported with
 * its line and ends the reading, since the rest of the file cannot be trusted.
 */
public final class CsvReader {

    /** One record and the line it starts on. */
    public record Record(int line, List<String> fields) {
    }

    /** The records read, and the syntax problem that stopped the reading, if any. */
    public record Result(List<Record> records, List<LineProblem> problems) {
    }

    private final String in;
    private int pos;
    private int line = 1;

    private CsvReader(String text) {
        this.in = text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    public static Result read(String text) {
        return new CsvReader(text).records();
    }

    private Result records() {
        List<Record> records = new ArrayList<>();
        while (pos < in.length()) {
            String physical = restOfLine();
            if (physical.isBlank() || physical.strip().startsWith("#")) {
                skipLine();
                continue;
            }
            int start = line;
            try {
                records.add(new Record(start, fields()));
            } catch (IllegalArgumentException syntax) {
                return new Result(records, List.of(new LineProblem(start, syntax.getMessage())));
            }
        }
        return new Result(records, List.of());
    }

    private List<String> fields() {
        List<String> fields = new ArrayList<>();
        while (true) {
            fields.add(field());
            if (pos >= in.length()) {
                return fields;
            }
            char c = in.charAt(pos++);
            if (c == '\r' && pos < in.length() && in.charAt(pos) == '\n') {
                pos++;
            }
            if (c != ',') {
                line++;
                return fields;
            }
        }
    }

    /** Reads one field and stops before the comma or line end that follows it. */
    private String field() {
        if (pos < in.length() && in.charAt(pos) == '"') {
            return quoted();
        }
        int start = pos;
        while (pos < in.length() && !isSeparator(in.charAt(pos))) {
            pos++;
        }
        return in.substring(start, pos);
    }

    private String quoted() {
        int startLine = line;
        StringBuilder field = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= in.length()) {
                throw new IllegalArgumentException("the quote opened on line " + startLine + " is never closed");
            }
            char c = in.charAt(pos++);
            if (c == '"' && pos < in.length() && in.charAt(pos) == '"') {
                field.append('"');
                pos++;
            } else if (c == '"') {
                break;
            } else {
                line += c == '\n' ? 1 : 0;
                field.append(c);
            }
        }
        if (pos < in.length() && !isSeparator(in.charAt(pos))) {
            throw new IllegalArgumentException("text after a closing quote: quote the whole field, writing \"\" for a quote");
        }
        return field.toString();
    }

    private static boolean isSeparator(char c) {
        return c == ',' || c == '\n' || c == '\r';
    }

    private String restOfLine() {
        int end = in.indexOf('\n', pos);
        return in.substring(pos, end < 0 ? in.length() : end);
    }

    private void skipLine() {
        int end = in.indexOf('\n', pos);
        pos = end < 0 ? in.length() : end + 1;
        line++;
    }
}
