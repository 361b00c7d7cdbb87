package io.hallwatch.support;

import java.nio.file.Path;
import java.util.List;

/**
 * How a test {@code influxd} (1.6) is started: its configuration file (everything under one directory,
 * loopback ports only, nothing it would do on its own: usage reports, {@code _internal} statistics,
 * continuous queries, subscriptions; logs down to warnings) and its command line.
 */
final class InfluxdConfig {

    /**
     * Runs influxd under a shell that stops it when the JVM that started it is gone: a test JVM that is
     * killed runs no shutdown hook, and an influxd left behind would hold its ports and directory.
     * Arguments: the binary, the configuration file, the JVM's pid.
     */
    private static final String WATCHDOG = """
            "$1" run -config "$2" &
            child=$!
            trap 'kill $child 2>/dev/null' TERM INT HUP
            while kill -0 "$3" 2>/dev/null && kill -0 $child 2>/dev/null; do sleep 1; done
            kill $child 2>/dev/null
            wait $child
            """;

    private InfluxdConfig() {
    }

    static List<String> command(Path influxd, Path config) {
        return List.of("/bin/sh", "-c", WATCHDOG, "influxd-watchdog", influxd.toString(), config.toString(),
                Long.toString(ProcessHandle.current().pid()));
    }

    static String render(Path dir, int httpPort, int rpcPort) {
        // Debian's build names the switch reporting-enabled, upstream reporting-disabled; unknown keys are ignored.
        return """
                reporting-disabled = true
                reporting-enabled = false
                bind-address = "127.0.0.1:%2$d"

                [meta]
                  dir = "%1$s/meta"
                  logging-enabled = false

                [data]
                  dir = "%1$s/data"
                  wal-dir = "%1$s/wal"
                  query-log-enabled = false

                [http]
                  enabled = true
                  bind-address = "127.0.0.1:%3$d"
                  auth-enabled = false
                  log-enabled = false
                  pprof-enabled = false

                [monitor]
                  store-enabled = false

                [continuous_queries]
                  enabled = false
                  log-enabled = false

                [subscriber]
                  enabled = false

                [logging]
                  level = "warn"
                  suppress-logo = true
                """.formatted(dir.toAbsolutePath(), rpcPort, httpPort);
    }
}
