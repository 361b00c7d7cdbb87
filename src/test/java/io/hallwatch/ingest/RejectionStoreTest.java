package io.hallwatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallwatch.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RejectionStoreTest {

    @Inject
    RejectionStore store;

    private InboundMessage message(String topic, String payload) {
        return new InboundMessage(topic, payload.getBytes(StandardCharsets.UTF_8), false, Instant.now(),
                System.nanoTime(), () -> { });
    }

    @Test
    void pruningKeepsTheNewestRejections() {
        String hall = "h" + Api.unique();
        for (int i = 0; i < 30; i++) {
            store.record(message("hallwatch/v1/" + hall + "/bin/b" + i, "{}"),
                    Optional.of(DeviceTopic.parse("hallwatch/v1/" + hall + "/bin/b" + i)),
                    RejectionReason.MISSING_FIELD, "ts is required");
        }
        assertTrue(store.pruneTo(10) >= 20);
        List<IngestRejection> left = store.find(null, null, null, 1000);
        assertEquals(10, left.size());
        assertEquals("b29", left.get(0).deviceId);
        assertEquals(0, store.pruneTo(10));
    }

    @Test
    void keepsOversizeAndBinaryPayloadsReadablyAndCut() {
        String hall = "h" + Api.unique();
        byte[] binary = {(byte) 0xff, (byte) 0xfe, 'o', 'k'};
        store.record(new InboundMessage("hallwatch/v1/" + hall + "/bin/x", binary, false, Instant.now(), 0, () -> { }),
                Optional.of(DeviceTopic.parse("hallwatch/v1/" + hall + "/bin/x")), RejectionReason.MALFORMED_JSON, "bad");
        store.record(message("hallwatch/v1/" + hall + "/bin/y", "x".repeat(9000)),
                Optional.of(DeviceTopic.parse("hallwatch/v1/" + hall + "/bin/y")), RejectionReason.OVERSIZE, "big");
        List<IngestRejection> kept = store.find(hall, null, null, 10);
        assertEquals(9000, kept.get(0).payloadBytes);
        assertEquals(RejectionStore.MAX_STORED_CHARS, kept.get(0).payload.length());
        assertEquals("\uFFFD\uFFFDok", kept.get(1).payload);
    }
}
