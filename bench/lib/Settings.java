import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings bench/run wrote for the report ({@code settings.txt}, one {@code key=value} a line, in
 * the order given): whole numbers become numbers, everything else stays text.
 */
final class Settings {

    private Settings() {
    }

    static Map<String, Object> read(Path file) throws IOException {
        Map<String, Object> settings = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.startsWith("#")) {
                String value = line.substring(eq + 1).trim();
                Object typed = value.matches("-?\\d{1,18}") ? (Object) Long.parseLong(value) : value;
                settings.put(line.substring(0, eq).trim(), typed);
            }
        }
        return settings;
    }
}
