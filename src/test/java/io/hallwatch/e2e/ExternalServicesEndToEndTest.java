package io.hallwatch.e2e;

import io.hallwatch.devices.DeviceKind;
import io.hallwatch.ingest.Topics;
import io.hallwatch.support.Api.TestHall;
import io.hallwatch.support.DeviceClient;
import io.hallwatch.support.ExternalServices;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;

/** The flow against real PostgreSQL and a real Mosquitto, as in production. */
@ExtendWith(ExternalServices.class)
@QuarkusTest
@TestProfile(ExternalServicesEndToEndTest.RealServices.class)
class ExternalServicesEndToEndTest extends HallFlowScenario {

    static final String CLIENT_ID = "hallwatch-it-e2e";

    /** PostgreSQL and Mosquitto instead of the embedded parts, on a session wiped before the service starts. */
    public static class RealServices implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return ExternalServices.serviceConfig(CLIENT_ID);
        }
    }

    @Override
    DeviceClient device(String id) throws Exception {
        return DeviceClient.connect(ExternalServices.mqttUrl(), id, hall.password(id));
    }

    @Override
    DeviceClient deviceWithWill(String id) throws Exception {
        return DeviceClient.connectWithWill(ExternalServices.mqttUrl(), id, hall.password(id), Topics.status(hall.hall(), id));
    }

    @Override
    DeviceClient takeOver(String clientId, String device) throws Exception {
        return DeviceClient.connect(ExternalServices.mqttUrl(), clientId, device, hall.password(device));
    }

    @Override
    void publishAsUnknownDevice(TestHall hall) throws Exception {
        try (DeviceClient stranger = DeviceClient.connect(ExternalServices.mqttUrl(), null, null)) {
            stranger.publish(Topics.reading(hall.hall(), DeviceKind.BIN, "never-provisioned-" + hall.hall()),
                    "{\"ts\":\"" + now() + "\",\"fill\":10}");
            stranger.publish(Topics.reading(hall.hall(), DeviceKind.BIN, "dot.ted"), "{\"ts\":\"" + now() + "\",\"fill\":10}");
        }
    }
}
