package io.hallwatch.ingest;

import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the service is connected to its MQTT broker; the database has its own check. */
@Readiness
public class MqttHealthCheck implements HealthCheck {

    @Inject
    MqttIngest ingest;
    @Inject
    EmbeddedBroker broker;
    @Inject
    IngestPipeline pipeline;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("MQTT broker connection")
                .status(ingest.isConnected())
                .withData("broker", ingest.brokerUrl())
                .withData("embedded", broker.isRunning())
                .withData("queued", pipeline.depth())
                .build();
    }
}
