package io.hallwatch.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How the service reaches its MQTT broker (over TCP or TLS), or runs its own embedded one; how it
 * keeps device identities at a Mosquitto with dynamic security; and the shared secret of the HTTP
 * authentication endpoints that brokers such as EMQX ask.
 */
@ConfigMapping(prefix = "hallwatch.mqtt")
public interface MqttConfig {

    /** External broker, e.g. {@code tcp://mosquitto:1883}; unset starts the embedded broker. */
    Optional<String> url();

    /** User name at the external broker. */
    Optional<String> username();

    /** Password at the external broker. */
    Optional<String> password();

    /**
     * MQTT client id. It must stay the same across restarts: the broker keeps the persistent
     * session, and the messages published meanwhile, under this id.
     */
    @WithDefault("hallwatch-service")
    String clientId();

    /** MQTT keep-alive interval. */
    @WithDefault("30s")
    Duration keepAlive();

    /** Longest wait between reconnection attempts. */
    @WithDefault("30s")
    Duration maxReconnectDelay();

    /**
     * Trust store (PKCS12 or JKS) holding the certificate of the CA that signed the broker's
     * certificate, for {@code ssl://} URLs; unset: the JVM's default trust (public CAs).
     */
    Optional<String> trustStore();

    /** Password of {@link #trustStore()}. */
    Optional<String> trustStorePassword();

    /** Type of {@link #trustStore()}: {@code PKCS12} (which also reads JKS files) or {@code JKS}. */
    @WithDefault("PKCS12")
    String trustStoreType();

    /** The embedded broker, used when {@link #url()} is unset. */
    Embedded embedded();

    /** Device identities kept at a Mosquitto with the dynamic-security plugin. */
    DynSec dynsec();

    /** The endpoints that brokers such as EMQX ask to authenticate and authorise clients. */
    HttpAuth httpAuth();

    interface Embedded {
        /** TCP port of the embedded broker. */
        @WithDefault("1883")
        int port();

        /** Address the embedded broker listens on; 0.0.0.0 lets devices on the LAN connect. */
        @WithDefault("0.0.0.0")
        String host();

        /**
         * Whether devices must log in with the credentials they were provisioned with (user name =
         * device id). Turn off only on a closed test network.
         */
        @WithDefault("true")
        boolean authentication();

        /** TLS port of the embedded broker (0 picks a free one); unset: no TLS listener. */
        OptionalInt sslPort();

        /** Key store (PKCS12 or JKS) with the broker's private key and certificate chain, for {@link #sslPort()}. */
        Optional<String> keyStore();

        /** Password of {@link #keyStore()} and of the key in it. */
        Optional<String> keyStorePassword();

        /** Type of {@link #keyStore()}: {@code PKCS12} or {@code JKS}. */
        @WithDefault("PKCS12")
        String keyStoreType();
    }

    interface DynSec {
        /**
         * Whether the service manages device clients, roles and ACLs at the external broker through
         * {@code $CONTROL/dynamic-security/v1} (Mosquitto 2 with the dynamic-security plugin).
         */
        @WithDefault("false")
        boolean enabled();

        /** A dynamic-security administrator at the broker ({@code mosquitto_ctrl dynsec init ... <user>}). */
        Optional<String> adminUsername();

        /** Password of {@link #adminUsername()}. */
        Optional<String> adminPassword();

        /** Client id of the administrator connection; distinct from {@code hallwatch.mqtt.client-id}. */
        @WithDefault("hallwatch-dynsec")
        String clientId();

        /** How long a command waits for the broker's answer before it counts as failed and is retried. */
        @WithDefault("5s")
        Duration timeout();

        /** How often changes the broker has not taken yet are tried again. */
        @WithDefault("10s")
        Duration retryInterval();

        /** How often every device is compared with the broker's clients (also at start-up). */
        @WithDefault("1h")
        Duration resyncInterval();
    }

    interface HttpAuth {
        /**
         * Shared secret the broker sends in {@link #header()} with every request to
         * {@code /api/broker/authenticate} and {@code /api/broker/authorize}; unset: those answer 401.
         */
        Optional<String> secret();

        /** Name of the request header that carries {@link #secret()}. */
        @WithDefault("X-HallWatch-Broker-Secret")
        String header();
    }
}
