package io.hallwatch.bridge.load;

import io.hallwatch.bridge.mqtt.Broker;
import java.time.Duration;

/**
 * How a load run publishes, checked when made.
 *
 * @param broker      where and as whom to connect
 * @param connections how many MQTT connections share the load
 * @param rate        the target total rate, messages per second
 * @param duration    how long the measured period lasts
 * @param warmup      how long to publish before measuring
 * @param qos         0, 1 or 2
 * @param maxInflight unacknowledged messages allowed per connection
 * @param ackTimeout  how long to wait at the end for acknowledgements still due
 * @param clientIdPrefix the start of the connections' client ids
 */
public record LoadSettings(Broker broker, int connections, double rate, Duration duration, Duration warmup, int qos,
        int maxInflight, Duration ackTimeout, String clientIdPrefix) {

    /** Paho numbers in-flight messages with 16-bit ids. */
    public static final int MAX_INFLIGHT_LIMIT = 65_535;

    public LoadSettings {
        require(connections >= 1, "--connections must be at least 1");
        require(rate > 0, "--rate must be above 0");
        require(!duration.isNegative() && !duration.isZero(), "--duration must be above 0");
        require(!warmup.isNegative(), "--warmup must not be negative");
        require(qos >= 0 && qos <= 2, "--qos must be 0, 1 or 2");
        require(maxInflight >= 1 && maxInflight <= MAX_INFLIGHT_LIMIT, "--max-inflight must be 1 to " + MAX_INFLIGHT_LIMIT);
        require(!ackTimeout.isNegative(), "--ack-timeout must not be negative");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
