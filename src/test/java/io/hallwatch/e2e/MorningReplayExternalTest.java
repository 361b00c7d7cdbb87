package io.hallwatch.e2e;

import io.hallwatch.support.ExternalServices;
import io.hallwatch.support.MqttSessions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;

/** The replayed morning against real PostgreSQL and a real Mosquitto, as in production. */
@ExtendWith(ExternalServices.class)
@QuarkusTest
@TestProfile(MorningReplayExternalTest.RealServicesReplayClock.class)
class MorningReplayExternalTest extends MorningReplay {

    static final String CLIENT_ID = "hallwatch-it-replay";

    /** PostgreSQL and Mosquitto instead of the embedded parts, on a session wiped before the service starts. */
    public static class RealServicesReplayClock implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                MqttSessions.wipe(ExternalServices.mqttUrl(), CLIENT_ID);
            } catch (Exception e) {
                throw new IllegalStateException("cannot reach the test broker", e);
            }
            return Map.of(
                    "quarkus.datasource.jdbc.url", ExternalServices.PG_URL,
                    "quarkus.datasource.username", ExternalServices.PG_USER,
                    "hallwatch.mqtt.url", ExternalServices.mqttUrl(),
                    "hallwatch.mqtt.client-id", CLIENT_ID);
        }
    }

    @Override
    String brokerUrl() {
        return ExternalServices.mqttUrl();
    }
}
