package io.hallwatch.ingest;

import io.moquette.BrokerConstants;
import io.moquette.broker.Server;
import io.moquette.broker.config.FluentConfig;
import io.moquette.broker.config.IConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The embedded MQTT broker (Moquette) used when {@code hallwatch.mqtt.url} is unset: a real broker
 * with QoS 1, retained messages and persistent sessions, its files under {@code hallwatch.data-dir}.
 * Devices log in with their provisioned credentials; the service with a secret made at start-up.
 */
@ApplicationScoped
public class EmbeddedBroker {

    static final String SERVICE_USER = "hallwatch-service";
    /**
     * Payloads between the contract's 4 KiB and this reach the service, which counts and keeps them as
     * OVERSIZE; beyond this Moquette drops the device's connection.
     */
    private static final int MAX_MESSAGE_BYTES = 64 * 1024;
    private static final int SESSION_QUEUE_SIZE = 32 * 1024;

    @Inject
    MqttConfig config;
    @Inject
    BrokerAccess access;
    @ConfigProperty(name = "hallwatch.data-dir", defaultValue = "./data")
    String dataDir;

    private Server server;

    void onStart(@Observes @Priority(100) StartupEvent event) throws IOException {
        if (config.url().isEmpty()) {
            start();
        }
    }

    void onStop(@Observes @Priority(100) ShutdownEvent event) {
        stop();
    }

    public boolean isRunning() {
        return server != null;
    }

    /** The port the broker listens on (the configured one, or the one picked for port 0). */
    public int port() {
        return server != null ? server.getPort() : config.embedded().port();
    }

    String serviceUsername() {
        return SERVICE_USER;
    }

    String servicePassword() {
        return access.servicePassword();
    }

    synchronized void start() throws IOException {
        MqttConfig.Embedded embedded = config.embedded();
        checkPortFree(embedded.host(), embedded.port());
        Path store = Path.of(dataDir, "broker").toAbsolutePath();
        Files.createDirectories(store);
        IConfig brokerConfig = new FluentConfig()
                .host(embedded.host())
                .port(embedded.port())
                .dataPath(store)
                .enablePersistence()
                .persistentQueueType(FluentConfig.PersistentQueueType.SEGMENTED)
                .disableTelemetry()
                // Moquette's default command queue (1024) overflows under a burst and loses publishes.
                .sessionQueueSize(SESSION_QUEUE_SIZE)
                .build();
        brokerConfig.setProperty(BrokerConstants.NETTY_MAX_BYTES_PROPERTY_NAME, String.valueOf(MAX_MESSAGE_BYTES));
        brokerConfig.setProperty(BrokerConstants.ALLOW_ANONYMOUS_PROPERTY_NAME,
                String.valueOf(!embedded.authentication()));
        brokerConfig.setProperty(BrokerConstants.ALLOW_ZERO_BYTE_CLIENT_ID_PROPERTY_NAME, "true");
        server = new Server();
        server.startServer(brokerConfig, List.of(), null, access, access);
        Log.infof("Embedded MQTT broker listening on %s:%d (data in %s, device authentication %s)",
                embedded.host(), port(), store, embedded.authentication() ? "on" : "OFF");
    }

    synchronized void stop() {
        if (server != null) {
            server.stopServer();
            server = null;
        }
    }

    static void checkPortFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (IOException e) {
            throw new IllegalStateException("hallwatch.mqtt.embedded.port: port " + port + " on " + host
                    + " is already in use (" + e.getMessage() + "). Set HALLWATCH_MQTT_EMBEDDED_PORT to a free port,"
                    + " or set HALLWATCH_MQTT_URL to use the broker that is running there.");
        }
    }
}
