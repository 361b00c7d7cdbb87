package io.hallwatch.ingest;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;

/**
 * TLS of the service's MQTT connections ({@code ssl://} URLs, checked against
 * {@code hallwatch.mqtt.trust-store} or the JVM's default trust, host name included) and of the
 * embedded broker's TLS listener. A store that cannot be read stops start-up with a message naming
 * its property, rather than falling back to plain text.
 */
public final class MqttTls {

    private MqttTls() {
    }

    /** Whether {@code url} asks for TLS (Paho's {@code ssl://}, or {@code wss://} for MQTT over secure WebSocket). */
    public static boolean isTls(String url) {
        String scheme = url.toLowerCase(Locale.ROOT);
        return scheme.startsWith("ssl://") || scheme.startsWith("wss://");
    }

    /** Sets the socket factory of {@code options} for an {@code ssl://} URL; leaves plain URLs alone. */
    public static void apply(MqttConnectOptions options, String url, MqttConfig config) {
        if (!isTls(url)) {
            return;
        }
        clientSocketFactory(config).ifPresent(options::setSocketFactory);
        // Paho checks the broker's certificate names the host of the URL (its default, said out loud).
        options.setHttpsHostnameVerificationEnabled(true);
    }

    /** A socket factory trusting {@code hallwatch.mqtt.trust-store}; empty means the JVM's default trust. */
    static Optional<SSLSocketFactory> clientSocketFactory(MqttConfig config) {
        if (config.trustStore().isEmpty()) {
            return Optional.empty();
        }
        KeyStore trusted = load(config.trustStore().get(), config.trustStoreType(), config.trustStorePassword(),
                "hallwatch.mqtt.trust-store");
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return Optional.of(context.getSocketFactory());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("hallwatch.mqtt.trust-store: cannot build a TLS context from "
                    + config.trustStore().get() + ": " + e.getMessage(), e);
        }
    }

    /** The server side of the embedded broker's TLS listener, from {@code hallwatch.mqtt.embedded.key-store}. */
    static SslContext serverContext(MqttConfig.Embedded embedded) {
        String path = embedded.keyStore().orElseThrow(() -> new IllegalStateException(
                "hallwatch.mqtt.embedded.key-store: required when hallwatch.mqtt.embedded.ssl-port is set"));
        KeyStore keys = load(path, embedded.keyStoreType(), embedded.keyStorePassword(),
                "hallwatch.mqtt.embedded.key-store");
        try {
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keys, password(embedded.keyStorePassword()));
            return SslContextBuilder.forServer(factory).build();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("hallwatch.mqtt.embedded.key-store: cannot use the key in " + path
                    + " (is hallwatch.mqtt.embedded.key-store-password right?): " + e.getMessage(), e);
        }
    }

    private static KeyStore load(String path, String type, Optional<String> password, String property) {
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, password(password));
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(property + ": cannot read " + type + " store " + path + " ("
                    + e.getMessage() + "); check the path, the type and " + property + "-password", e);
        }
    }

    private static char[] password(Optional<String> password) {
        return password.map(String::toCharArray).orElse(null);
    }
}
