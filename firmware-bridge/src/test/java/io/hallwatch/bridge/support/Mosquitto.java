package io.hallwatch.bridge.support;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A real Mosquitto broker started by the test on a free port of 127.0.0.1, from Debian's
 * {@code mosquitto} binary, so that tests never share the machine's broker (and its client ids)
 * with another run. Where the binary is missing, tests that need it are skipped with a message, or
 * fail when {@code HALLWATCH_REQUIRE_SERVICES=true} (as in CI).
 */
public final class Mosquitto implements AutoCloseable {

    private Process process;
    private final int port;
    private final Path dir;

    private Mosquitto(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    /** Starts a broker that lets anyone connect; {@code extraConfig} lines are appended to its file. */
    public static Mosquitto start(String... extraConfig) throws IOException {
        binary();
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
        Files.writeString(dir.resolve("mosquitto.conf"), config);
        Mosquitto broker = new Mosquitto(launch(dir), port, dir);
        broker.awaitListening();
        return broker;
    }

    private static Process launch(Path dir) throws IOException {
        return new ProcessBuilder(binary().toString(), "-c", dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mosquitto.log").toFile()))
                .start();
    }

    /** Stops the broker and starts it again on the same port: without persistence, its sessions are gone. */
    public void restart() throws IOException {
        close();
        process = launch(dir);
        awaitListening();
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** What the broker logged so far (connections, refusals). */
    public String log() throws IOException {
        return Files.readString(dir.resolve("mosquitto.log"));
    }

    /**
     * Stops the broker's process where it stands (SIGSTOP): connections stay open, and nothing is
     * answered any more, as with a broker that hangs. {@link #close()} resumes and ends it.
     */
    public void freeze() throws IOException, InterruptedException {
        signal("-STOP");
    }

    private void signal(String signal) throws IOException, InterruptedException {
        new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start().waitFor();
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
        try {
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(this::listening);
        } catch (ConditionTimeoutException e) {
            close();
            throw new IOException("Mosquitto did not listen on port " + port + " within 10 s: " + log());
        } catch (IllegalStateException exited) {
            throw new IOException(exited.getMessage(), exited);
        }
    }

    private boolean listening() throws IOException {
        if (!process.isAlive()) {
            throw new IllegalStateException("Mosquitto exited: " + log());
        }
        try {
            new Socket("127.0.0.1", port).close();
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            signal("-CONT");
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
        }
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
