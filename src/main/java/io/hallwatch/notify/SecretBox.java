package io.hallwatch.notify;

import io.hallwatch.platform.SecretFiles;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seals channel URLs and secrets for the database with AES-256-GCM (a random 12-byte nonce per value,
 * written as {@code v1:<base64 nonce+ciphertext>}), so a database dump does not hand out robot tokens.
 * The key comes from {@code hallwatch.notify.secret-key}, else from {@code <data-dir>/notify-key}.
 */
@ApplicationScoped
public class SecretBox {

    private static final String PREFIX = "v1:";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    NotifyConfig config;
    @ConfigProperty(name = "hallwatch.data-dir", defaultValue = "./data")
    String dataDir;

    private SecretKeySpec key;

    @PostConstruct
    void load() {
        String encoded = config.secretKey().filter(k -> !k.isBlank()).orElseGet(
                () -> SecretFiles.readOrCreate(dataDir, "notify-key", 32, false, "HALLWATCH_NOTIFY_SECRET_KEY"));
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("hallwatch.notify.secret-key must be Base64 of 32 bytes", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("hallwatch.notify.secret-key must be Base64 of 32 bytes, not " + bytes.length);
        }
        key = new SecretKeySpec(bytes, "AES");
    }

    public String seal(String plain) {
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce)
                    .put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this JDK", e);
        }
    }

    /** The plain value; fails when it was sealed under another key. */
    public String open(String sealed) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            throw new IllegalStateException("not a sealed value");
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a channel secret cannot be opened: was hallwatch.notify.secret-key changed?", e);
        }
    }
}
