package io.hallwatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The topics a device may publish to on the embedded broker and at brokers that ask over HTTP. */
class BrokerAccessTopicsTest {

    @ParameterizedTest(name = "{0} publishing to {1}: {2}")
    @CsvSource({
            "bin-1, hallwatch/v1/h1/bin/bin-1, true",
            "bin-1, hallwatch/v1/h1/status/bin-1, true",
            // Hall and kind are the registry's to check: it rejects and counts a mismatch.
            "bin-1, hallwatch/v1/elsewhere/presence/bin-1, true",
            "bin-1, hallwatch/v1/h1/bin/bin-2, false",
            "bin-1, hallwatch/v1/h1/alerts/bin-1, false",
            "ops, hallwatch/v1/h1/alerts/ops, false",
            "bin-1, hallwatch/v2/h1/bin/bin-1, false",
            "bin-1, hallwatch/v1/h1/bin/bin-1/x, false",
            "bin-1, hallwatch/v1/bin/bin-1, false",
            "bin-1, other/v1/h1/bin/bin-1, false",
            "bin-1, hallwatch/v1/+/bin/bin-1, false",
            "bin-1, hallwatch/v1/h1/#/bin-1, false"
    })
    void aDevicePublishesOnlyUnderItsOwnId(String device, String topic, boolean allowed) {
        assertEquals(allowed, BrokerAccess.isOwnTopic(device, topic));
    }
}
