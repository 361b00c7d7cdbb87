package io.hallwatch.bridge.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A real Mosquitto broker started by the test on a free port of 127.0.0.1, from Debian's
 * {@code mosquitto} binary, so that tests never share the machine's broker (and its client ids)
 * with another run. Where the binary is missing, tests that need it are skipped with a message, or
 * fail when {@code HALLWATCH_REQUIRE_SERVICES=true} (as in CI).
 */
public final class Mosquitto implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path dir;

    private Mosquitto(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    /** Starts a broker that lets anyone connect; {@code extraConfig} lines are appended to its file. */
    public static Mosquitto start(String... extraConfig) throws IOException {
        Path binary = binary();
        int port = freePort();
        Path dir = Files.createTempDirectory("bridge-mosquitto");
        // As root, Mosquitto would switch to the mosquitto user, who cannot read the test's files.
        StringBuilder config = new StringBuilder("listener " + port + " 127.0.0.1\nuser " + System.getProperty("user.name") + "\n");
        if (List.of(extraConfig).stream().noneMatch(line -> line.startsWith("allow_anonymous"))) {
            config.append("allow_anonymous true\n");
        }
        for (String line : extraConfig) {
            config.append(line).append('\n');
        }
        Path file = dir.resolve("mosquitto.conf");
        Files.writeString(file, config);
        Process process = new ProcessBuilder(binary.toString(), "-c", file.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        Mosquitto broker = new Mosquitto(process, port, dir);
        broker.awaitListening();
        return broker;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    private static Path binary() {
        for (String candidate : List.of("/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        String why = "Mosquitto is not installed (apt-get install mosquitto): the tests against a real broker are skipped";
        if ("true".equals(System.getenv("HALLWATCH_REQUIRE_SERVICES"))) {
            throw new IllegalStateException(why.replace("are skipped", "cannot run, and HALLWATCH_REQUIRE_SERVICES=true"));
        }
        System.err.println("SKIPPED: " + why);
        assumeTrue(false, why);
        throw new IllegalStateException("unreachable");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void awaitListening() throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("Mosquitto exited: " + Files.readString(dir.resolve("mosquitto.log")));
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                // Polling for the port is the only way to know the broker listens.
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            }
        }
        close();
        throw new IOException("Mosquitto did not listen on port " + port + " within 10 s");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
