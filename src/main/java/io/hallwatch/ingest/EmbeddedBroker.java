package io.hallwatch.ingest;

import io.hallwatch.devices.CredentialsChanged;
import io.hallwatch.users.UserService;
import io.moquette.BrokerConstants;
import io.moquette.broker.ISslContextCreator;
import io.moquette.broker.Server;
import io.moquette.broker.config.FluentConfig;
import io.moquette.broker.config.IConfig;
import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.messages.InterceptConnectionLostMessage;
import io.moquette.interception.messages.InterceptDisconnectMessage;
import io.netty.handler.ssl.SslContext;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The embedded MQTT broker (Moquette) used when {@code hallwatch.mqtt.url} is unset: a real broker
 * with QoS 1, retained messages and persistent sessions, its files under {@code hallwatch.data-dir},
 * and a TLS listener when {@code hallwatch.mqtt.embedded.ssl-port} is set. {@link BrokerAccess}
 * decides who may log in and do what; a device whose credentials are revoked or rotated loses its
 * live connections as soon as the change is committed.
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

    /** The TLS port (the configured one, or the one picked for 0); empty without a TLS listener. */
    public OptionalInt sslPort() {
        if (config.embedded().sslPort().isEmpty()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(server != null ? server.getSslPort() : config.embedded().sslPort().getAsInt());
    }

    /**
     * Cuts the connections of a device whose credentials were revoked or replaced, once that is
     * committed: they were made with a password that no longer holds.
     */
    void onCredentialsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) CredentialsChanged change) {
        Server running = server;
        if (running == null || change.change() == CredentialsChanged.Change.PROVISIONED) {
            return;
        }
        disconnect(running, change.deviceId(), "credentials " + change.change().name().toLowerCase(Locale.ROOT));
    }

    /**
     * Cuts the connections of a person whose halls, roles or password changed or who was removed, once
     * that is committed: their subscriptions were allowed as they were, and a subscription is checked
     * only when made. A handheld that still may log in reconnects and subscribes anew.
     */
    void onPersonChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) UserService.PersonChanged change) {
        Server running = server;
        if (running != null) {
            disconnect(running, change.username(), "person changed or removed");
        }
    }

    private void disconnect(Server running, String username, String why) {
        for (String clientId : access.clientsOf(username)) {
            access.forget(clientId);
            if (running.disconnectClient(clientId)) {
                Log.infof("Disconnected %s (client id %s) from the embedded broker: %s", username, clientId, why);
            }
        }
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
        if (embedded.sslPort().isPresent()) {
            checkPortFree(embedded.host(), embedded.sslPort().getAsInt());
        }
        Path store = Path.of(dataDir, "broker").toAbsolutePath();
        Files.createDirectories(store);
        IConfig brokerConfig = brokerConfig(embedded, store);
        ISslContextCreator tls = null;
        if (embedded.sslPort().isPresent()) {
            brokerConfig.setProperty(BrokerConstants.SSL_PORT_PROPERTY_NAME, String.valueOf(embedded.sslPort().getAsInt()));
            // Built now, so that a bad key store stops start-up instead of Moquette quietly skipping TLS.
            SslContext context = MqttTls.serverContext(embedded);
            tls = () -> context;
        }
        server = new Server();
        server.startServer(brokerConfig, List.of(new SessionEnds()), tls, access, access);
        Log.infof("Embedded MQTT broker listening on %s:%d%s (data in %s, device authentication %s)",
                embedded.host(), port(), embedded.sslPort().isPresent() ? " and TLS" : "", store,
                embedded.authentication() ? "on" : "OFF");
    }

    private static IConfig brokerConfig(MqttConfig.Embedded embedded, Path store) {
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
        return brokerConfig;
    }

    /** Lets {@link BrokerAccess} forget the logins of connections that ended. */
    private final class SessionEnds extends AbstractInterceptHandler {

        @Override
        public String getID() {
            return "hallwatch-session-ends";
        }

        @Override
        public void onDisconnect(InterceptDisconnectMessage message) {
            access.forget(message.getClientID());
        }

        @Override
        public void onConnectionLost(InterceptConnectionLostMessage message) {
            access.forget(message.getClientID());
        }

        @Override
        public void onSessionLoopError(Throwable error) {
            Log.warnf("Embedded broker session loop failed: %s", error.getMessage());
        }
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
