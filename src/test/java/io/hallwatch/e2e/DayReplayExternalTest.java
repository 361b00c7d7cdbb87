package io.hallwatch.e2e;

import io.hallwatch.support.ExternalServices;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.extension.ExtendWith;

/** The replayed day against real PostgreSQL and a real Mosquitto, as in production. */
@ExtendWith(ExternalServices.class)
@QuarkusTest
@TestProfile(ExternalServicesEndToEndTest.RealServices.class)
class DayReplayExternalTest extends DayReplay {

    @Override
    String brokerUrl() {
        return ExternalServices.mqttUrl();
    }
}
