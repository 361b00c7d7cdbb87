package io.hallwatch.devices;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Device MQTT passwords: generated at random, shown once, stored only as a salted PBKDF2 hash
 * ({@code pbkdf2-sha256$iterations$salt$hash}). The passwords carry 192 random bits, so a modest
 * iteration count is enough and bulk provisioning of thousands of devices stays quick.
 */
public final class DeviceCredentials {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ITERATIONS = 10_000;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private DeviceCredentials() {
    }

    public static String newPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return B64.encodeToString(bytes);
    }

    public static String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return "pbkdf2-sha256$" + ITERATIONS + "$" + B64.encodeToString(salt) + "$"
                + B64.encodeToString(derive(password, salt, ITERATIONS));
    }

    /**
     * A short, non-secret mark of one credential: the first 16 hex digits of SHA-256 over its (salted)
     * hash. The service leaves it with a broker that keeps its own copy of the password, so that it can
     * later tell whether that copy is the current one without ever keeping the password.
     */
    public static String fingerprint(String storedHash) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(storedHash.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java 17 runtime", e);
        }
    }

    /** Whether {@code password} matches a hash made by {@link #hash(String)}. */
    public static boolean matches(String password, String stored) {
        if (password == null || stored == null) {
            return false;
        }
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals("pbkdf2-sha256")) {
            return false;
        }
        byte[] salt = Base64.getUrlDecoder().decode(parts[2]);
        byte[] expected = Base64.getUrlDecoder().decode(parts[3]);
        return MessageDigest.isEqual(expected, derive(password, salt, Integer.parseInt(parts[1])));
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 17 runtime", e);
        }
    }
}
