package io.hallwatch.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The packaged firmware bridge ({@code firmware-bridge/target/firmware-bridge.jar}), run as ops run
 * it: a separate Java process. The README's test command builds it before the service's tests run.
 * No process outlives {@link #LONGEST}: a hung one is killed, so the test that started it fails
 * instead of waiting forever.
 */
final class BridgeJar {

    static final Path JAR = Path.of("firmware-bridge", "target", "firmware-bridge.jar");
    static final Duration LONGEST = Duration.ofMinutes(3);

    /** A process that has ended: its exit code and what it printed on standard output. */
    record Finished(int exitCode, String out) {
    }

    private BridgeJar() {
    }

    /** A started process with {@code args}; standard error goes to {@code log}, standard output to a pipe. */
    static Process start(Path log, Map<String, String> environment, String... args) throws IOException {
        return start(new ProcessBuilder(command(args)).redirectError(log.toFile()), environment);
    }

    /** Runs {@code args} to the end, with standard output and error in {@code dir/name.out} and {@code .log}. */
    static Finished run(Path dir, String name, Map<String, String> environment, String... args) throws Exception {
        Path out = dir.resolve(name + ".out");
        Process process = start(new ProcessBuilder(command(args)).redirectOutput(out.toFile())
                .redirectError(dir.resolve(name + ".log").toFile()), environment);
        if (!process.waitFor(LONGEST.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(name + " did not end within " + LONGEST + ": " + Files.readString(dir.resolve(name + ".log")));
        }
        return new Finished(process.exitValue(), Files.readString(out));
    }

    private static List<String> command(String... args) {
        assertTrue(Files.isRegularFile(JAR), JAR + " is missing: build it with ./mvnw -f firmware-bridge/pom.xml package"
                + " (the README's test command does so before the service's tests)");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return command;
    }

    private static Process start(ProcessBuilder builder, Map<String, String> environment) throws IOException {
        builder.environment().putAll(environment);
        Process process = builder.start();
        CompletableFuture.delayedExecutor(LONGEST.toSeconds(), TimeUnit.SECONDS).execute(process::destroyForcibly);
        return process;
    }
}
