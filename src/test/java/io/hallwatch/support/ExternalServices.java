package io.hallwatch.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only where PostgreSQL and Mosquitto answer, before Quarkus starts for it.
 * Elsewhere the class is skipped with the reason printed; with {@code HALLWATCH_REQUIRE_SERVICES=true}
 * (set by .ci/run) a missing service fails the run instead, so CI cannot skip them silently.
 */
public class ExternalServices implements ExecutionCondition {

    public static final String PG_URL = env("HALLWATCH_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/hallwatch_test");
    public static final String PG_USER = env("HALLWATCH_TEST_PG_USER", "postgres");
    public static final String MQTT_HOST = env("HALLWATCH_TEST_MQTT_HOST", "127.0.0.1");
    public static final int MQTT_PORT = Integer.parseInt(env("HALLWATCH_TEST_MQTT_PORT", "1883"));

    public static String mqttUrl() {
        return "tcp://" + MQTT_HOST + ":" + MQTT_PORT;
    }

    /**
     * The configuration of a test profile that runs the service on PostgreSQL and Mosquitto instead of
     * the embedded parts, under {@code clientId}, whose broker session is wiped first.
     */
    public static Map<String, String> serviceConfig(String clientId) {
        try {
            MqttSessions.wipe(mqttUrl(), clientId);
        } catch (Exception e) {
            throw new IllegalStateException("cannot reach the test broker", e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", PG_URL,
                "quarkus.datasource.username", PG_USER,
                "hallwatch.mqtt.url", mqttUrl(),
                "hallwatch.mqtt.client-id", clientId);
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        List<String> missing = new ArrayList<>();
        try (var ignored = DriverManager.getConnection(PG_URL, PG_USER, "")) {
            // reachable
        } catch (SQLException e) {
            missing.add("PostgreSQL at " + PG_URL + " (" + e.getMessage() + ")");
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(MQTT_HOST, MQTT_PORT), 2_000);
        } catch (IOException e) {
            missing.add("MQTT broker at " + mqttUrl() + " (" + e.getMessage() + ")");
        }
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("PostgreSQL and Mosquitto are reachable");
        }
        String reason = "SKIPPED end-to-end tests against real services, not reachable: " + String.join("; ", missing)
                + ". Run .ci/run to install and start them.";
        if (Boolean.parseBoolean(System.getenv("HALLWATCH_REQUIRE_SERVICES"))) {
            throw new IllegalStateException("HALLWATCH_REQUIRE_SERVICES is set but: " + reason);
        }
        System.err.println(reason);
        return ConditionEvaluationResult.disabled(reason);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
