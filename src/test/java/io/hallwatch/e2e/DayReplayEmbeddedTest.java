package io.hallwatch.e2e;

import io.hallwatch.ingest.EmbeddedBroker;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The replayed day on the embedded default: embedded broker and H2 file database. */
@QuarkusTest
class DayReplayEmbeddedTest extends DayReplay {

    @Inject
    EmbeddedBroker broker;

    @Override
    String brokerUrl() {
        return "tcp://127.0.0.1:" + broker.port();
    }
}
