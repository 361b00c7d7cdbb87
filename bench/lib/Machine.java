import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The machine a report was measured on: cores, CPU model, memory, kernel, and the versions of Java,
 * PostgreSQL, Mosquitto, Node.js and Node-RED, each as the tool itself reports it ("unknown" when
 * it cannot be asked).
 */
final class Machine {

    private Machine() {
    }

    static Map<String, Object> describe(Path nodeRedDir) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("cpuModel", procLine("/proc/cpuinfo", "model name"));
        long memoryKb = Long.parseLong(procLine("/proc/meminfo", "MemTotal").split("\\s+")[0]);
        m.put("memoryGiB", Math.round(memoryKb / 1048576.0 * 10) / 10.0);
        m.put("kernel", run("uname", "-sr"));
        m.put("os", osName());
        m.put("java", run("java", "-version").lines().findFirst().orElse("unknown"));
        m.put("postgresql", run("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-Atc",
                "show server_version"));
        m.put("mosquitto", run("mosquitto", "-h").lines().findFirst().orElse("unknown"));
        m.put("node", run("node", "--version"));
        m.put("nodeRed", nodeRedVersion(nodeRedDir));
        m.put("loadAverageAtStart", Arrays.stream(read("/proc/loadavg").split(" ")).limit(3)
                .collect(Collectors.joining(" ")));
        return m;
    }

    private static String nodeRedVersion(Path dir) {
        Path pkg = dir.resolve("node_modules/node-red/package.json");
        try {
            return String.valueOf(Json.object(Json.parse(Files.readString(pkg))).get("version"));
        } catch (IOException | RuntimeException e) {
            return "not installed (" + pkg + ")";
        }
    }

    private static String osName() {
        for (String line : read("/etc/os-release").split("\n")) {
            if (line.startsWith("PRETTY_NAME=")) {
                return line.substring(12).replace("\"", "");
            }
        }
        return "unknown";
    }

    private static String procLine(String file, String key) {
        for (String line : read(file).split("\n")) {
            if (line.startsWith(key)) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return "0";
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            return "";
        }
    }

    private static String run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor(20, TimeUnit.SECONDS);
            // Some tools print their version with a usage text and a non-zero exit (mosquitto -h).
            return out.isEmpty() ? "unknown" : out;
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }
}
