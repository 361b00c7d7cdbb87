package io.hallwatch.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How the service reaches its MQTT broker, or runs its own embedded one. */
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

    /** The embedded broker, used when {@link #url()} is unset. */
    Embedded embedded();

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
    }
}
