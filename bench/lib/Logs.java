import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The logs of the systems: their last lines, for error messages that say why a process died, and
 * their warnings and errors, for the report.
 */
final class Logs {

    private static final Pattern LEVEL = Pattern.compile("\\b(WARN|WARNING|ERROR|FATAL)\\b|\\[(warn|error)\\]");

    private Logs() {
    }

    /** How many warning and error lines the log holds, and the first few distinct ones (timestamps cut). */
    static Map<String, Object> scan(Path log) {
        Map<String, Object> scan = new LinkedHashMap<>();
        long warnings = 0;
        long errors = 0;
        Set<String> examples = new LinkedHashSet<>();
        try (Stream<String> lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
            for (String line : (Iterable<String>) lines::iterator) {
                Matcher m = LEVEL.matcher(line);
                if (!m.find()) {
                    continue;
                }
                boolean error = m.group().toUpperCase(Locale.ROOT).matches(".*(ERROR|FATAL).*");
                warnings += error ? 0 : 1;
                errors += error ? 1 : 0;
                if (examples.size() < 8) {
                    examples.add(line.substring(m.start()).replaceAll("\\d+", "N"));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            scan.put("unreadable", e.getMessage());
        }
        scan.put("warnings", warnings);
        scan.put("errors", errors);
        scan.put("examples", List.copyOf(examples));
        return scan;
    }

    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(" + log + " cannot be read: " + e.getMessage() + ")";
        }
    }
}
