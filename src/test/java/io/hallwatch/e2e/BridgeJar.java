package io.hallwatch.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged firmware bridge ({@code firmware-bridge/target/firmware-bridge.jar}), run as ops run
 * it: a separate Java process. The README's test command builds it before the service's tests run.
 */
final class BridgeJar {

    static final Path JAR = Path.of("firmware-bridge", "target", "firmware-bridge.jar");

    private BridgeJar() {
    }

    /** A started bridge process with {@code args}; standard error goes to {@code log}. */
    static Process start(Path log, String... args) throws IOException {
        return start(log, Map.of(), args);
    }

    /** The same, with more environment variables. */
    static Process start(Path log, Map<String, String> environment, String... args) throws IOException {
        assertTrue(Files.isRegularFile(JAR), JAR + " is missing: build it with ./mvnw -f firmware-bridge/pom.xml package"
                + " (the README's test command does so before the service's tests)");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
        builder.environment().putAll(environment);
        return builder.start();
    }
}
