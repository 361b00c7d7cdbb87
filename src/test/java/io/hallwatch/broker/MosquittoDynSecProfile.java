package io.hallwatch.broker;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The service pointed at a Mosquitto with dynamic security that the test starts: over TLS (its trust
 * store holding the broker's self-signed certificate), managing device identities with the broker's
 * administrator login, and creating its own client {@value #SERVICE_USER} at start-up. Its database is
 * an H2 file of its own, so the devices of other test classes do not show up at this broker.
 */
public class MosquittoDynSecProfile implements QuarkusTestProfile {

    public static final String SERVICE_USER = "hallwatch-svc";
    public static final String SERVICE_PASSWORD = "svc-" + UUID.randomUUID();

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Resource.class));
    }

    /** Starts the broker before Quarkus, and stops it after. */
    public static class Resource implements QuarkusTestResourceLifecycleManager {

        private static volatile Mosquitto current;

        /** The broker of the running test class. */
        public static Mosquitto current() {
            return current;
        }

        @Override
        public Map<String, String> start() {
            String base = System.getProperty("hallwatch.data-dir", "target/test-data/manual");
            Path dir = Path.of(base + "-mosquitto").toAbsolutePath();
            try {
                current = Mosquitto.start(dir.resolve("broker"), "admin-" + UUID.randomUUID());
            } catch (Exception e) {
                throw new IllegalStateException("cannot start Mosquitto in " + dir + ": " + e.getMessage(), e);
            }
            Map<String, String> config = new HashMap<>();
            config.put("hallwatch.data-dir", dir.toString());
            config.put("hallwatch.mqtt.url", current.tlsUrl());
            config.put("hallwatch.mqtt.trust-store", current.trustStore().toString());
            config.put("hallwatch.mqtt.trust-store-password", Mosquitto.TRUST_STORE_PASSWORD);
            config.put("hallwatch.mqtt.username", SERVICE_USER);
            config.put("hallwatch.mqtt.password", SERVICE_PASSWORD);
            config.put("hallwatch.mqtt.client-id", "hallwatch-dynsec-test");
            config.put("hallwatch.mqtt.dynsec.enabled", "true");
            config.put("hallwatch.mqtt.dynsec.admin-username", Mosquitto.ADMIN);
            config.put("hallwatch.mqtt.dynsec.admin-password", current.adminPassword());
            config.put("hallwatch.mqtt.dynsec.retry-interval", "1s");
            // The test stops and restarts the broker: the service should be back within seconds.
            config.put("hallwatch.mqtt.max-reconnect-delay", "2s");
            return config;
        }

        @Override
        public void stop() {
            Mosquitto running = current;
            if (running != null) {
                running.close();
                current = null;
            }
        }
    }
}
