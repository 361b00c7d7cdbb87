package io.hallwatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallwatch.devices.DeviceKind;
import io.hallwatch.support.Api;
import io.hallwatch.support.Api.TestHall;
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
    @Inject
    IngestProcessor processor;

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

    @Test
    void aDevicePublishingUnderAnotherHallsTopicIsFiledUnderItsOwnHall() {
        TestHall own = Api.provisionHall();
        TestHall other = Api.provisionHall();
        String topic = Topics.reading(other.hall(), DeviceKind.BIN, own.bin());
        processor.handle(List.of(message(topic, "{\"ts\":\"" + Instant.now() + "\",\"fill\":40}")));
        IngestRejection kept = store.find(null, own.bin(), RejectionReason.HALL_MISMATCH, 1).get(0);
        assertEquals(own.hall(), kept.hallId);
        assertEquals(topic, kept.topic);
        assertTrue(store.find(other.hall(), own.bin(), null, 10).isEmpty(), "the other hall's ops do not see it");
        Api.as("ops", other.hall()).get("/api/ingest/rejections?hall=" + other.hall()).then().statusCode(200)
                .body("device", not(hasItem(own.bin())));
        Api.as("ops", own.hall()).get("/api/ingest/rejections?hall=" + own.hall()).then().statusCode(200)
                .body("device", hasItem(own.bin()));
    }

    @Test
    void aMessageOfAnUnknownDeviceIsFiledUnderTheHallItsTopicNames() {
        String hall = "h" + Api.unique();
        store.record(message("hallwatch/v1/" + hall + "/bin/nobody-" + hall, "{}"),
                Optional.of(DeviceTopic.parse("hallwatch/v1/" + hall + "/bin/nobody-" + hall)),
                RejectionReason.UNKNOWN_DEVICE, "not provisioned");
        assertEquals(hall, store.find(null, "nobody-" + hall, null, 1).get(0).hallId);
    }
}
