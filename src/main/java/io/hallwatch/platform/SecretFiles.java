package io.hallwatch.platform;

import io.quarkus.logging.Log;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Secrets the service makes itself on first start when none is configured (the admin password, the
 * channel key): kept in a file of the data directory readable only by the service's user, and read
 * back at every later start.
 */
public final class SecretFiles {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretFiles() {
    }

    /**
     * The content of {@code <dataDir>/<name>}, or a new value of {@code bytes} random bytes (Base64,
     * URL-safe when {@code urlSafe}) written there first; {@code variable} is named in the log line.
     */
    public static String readOrCreate(String dataDir, String name, int bytes, boolean urlSafe, String variable) {
        Path file = Path.of(dataDir, name);
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            byte[] random = new byte[bytes];
            RANDOM.nextBytes(random);
            String generated = urlSafe ? Base64.getUrlEncoder().withoutPadding().encodeToString(random)
                    : Base64.getEncoder().encodeToString(random);
            Files.createDirectories(file.getParent());
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, generated + "\n");
            Log.warnf("%s is not set: generated one into %s; keep it with the data", variable, file.toAbsolutePath());
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("hallwatch.data-dir: cannot keep " + name + " in " + file, e);
        }
    }
}
