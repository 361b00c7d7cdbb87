package io.hallwatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallwatch.devices.DeviceKind;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceTopicTest {

    @Test
    void parsesEachDeviceKindTopic() {
        for (DeviceKind kind : DeviceKind.values()) {
            DeviceTopic topic = DeviceTopic.parse(Topics.reading("hall-1", kind, "dev_7"));
            assertEquals(new DeviceTopic("hall-1", Optional.of(kind), "dev_7"), topic);
        }
    }

    @Test
    void parsesStatusTopicWithoutKind() {
        DeviceTopic topic = DeviceTopic.parse("hallwatch/v1/hall-1/status/dev_7");
        assertTrue(topic.isStatus());
        assertEquals("status", topic.kindSegment());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "hallwatch/v1/hall/presence",
        "hallwatch/v1/hall/presence/dev/extra",
        "hallwatch/v2/hall/presence/dev",
        "other/v1/hall/presence/dev",
        "hallwatch/v1/hall/camera/dev",
        "hallwatch/v1/hall/alerts/ops",
        "hallwatch/v1/ha ll/presence/dev",
        "hallwatch/v1/hall/presence/dev.1",
        "hallwatch/v1//presence/dev",
        "hallwatch/v1/hall/presence/",
        "hallwatch/v1/hall/presence/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
    })
    void rejectsTopicsOutsideTheContract(String topic) {
        MessageRejectedException e = assertThrows(MessageRejectedException.class, () -> DeviceTopic.parse(topic));
        assertEquals(RejectionReason.MALFORMED_TOPIC, e.reason());
    }

    @Test
    void acceptsIdsOfExactlySixtyFourCharacters() {
        String id = "a".repeat(64);
        assertEquals(id, DeviceTopic.parse("hallwatch/v1/" + id + "/bin/" + id).device());
    }

    @Test
    void subscriptionsCoverDeviceKindsAndStatusButNotAlerts() {
        assertEquals(5, Topics.subscriptions().size());
        assertTrue(Topics.subscriptions().contains("hallwatch/v1/+/status/+"));
        assertTrue(Topics.subscriptions().stream().noneMatch(f -> f.contains("alerts")));
    }
}
