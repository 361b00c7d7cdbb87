package io.hallwatch.bridge.map;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One vendor topic of one device, ready to map: where it is (its pattern), how its payload is read,
 * what it must contain and what it becomes. {@code order} is the topic's place in the profile, which
 * decides between two topics of one device that both match. Mapping never throws: whatever goes wrong
 * with one message, even a bug, becomes a refusal naming the device, so the bridge's worker goes on.
 */
record TopicBinding(DeviceBinding binding, int order, TopicPattern pattern, PayloadFormat format,
        List<Expectation> expectations, Mapping mapping) {

    static final String RETAINED_WITHOUT_TIME = "a retained reading without the device's time: the last value the"
            + " broker kept, not a new reading";

    TopicBinding {
        expectations = List.copyOf(expectations);
    }

    /**
     * The result of one message on this topic. {@code retained}: the broker delivered its kept copy
     * (on every subscribe), so a reading stamped with the receive time would make a dead sensor look
     * alive; it is ignored unless it carries the device's own time.
     */
    MapResult map(String topic, Map<String, String> captures, byte[] payload, Instant receivedAt, boolean retained) {
        if (payload.length == 0) {
            return new MapResult.Ignored("empty payload on " + topic + " (a retained message being cleared)");
        }
        try {
            Mapping.Built built = mapping.map(message(topic, captures, payload, receivedAt));
            if (retained && built.receiveTime()) {
                return new MapResult.Ignored(about(topic) + RETAINED_WITHOUT_TIME);
            }
            return new MapResult.Mapped(List.of(built.message()));
        } catch (Refusal refusal) {
            return new MapResult.Refused(about(topic) + refusal.getMessage());
        } catch (RuntimeException bug) {
            // One message the code did not foresee must not stop the worker that maps every device's messages.
            return new MapResult.Refused(about(topic) + "the bridge failed on this message (" + bug
                    + "); please report it with the payload");
        }
    }

    private VendorMessage message(String topic, Map<String, String> captures, byte[] payload, Instant receivedAt) {
        String text = VendorPayloads.text(payload);
        VendorMessage message = new VendorMessage(topic, captures, text, VendorPayloads.json(text, format), binding,
                receivedAt);
        for (Expectation expectation : expectations) {
            expectation.check(message);
        }
        return message;
    }

    private String about(String topic) {
        return "device " + binding.device() + " (" + binding.profile() + "), topic " + topic + ": ";
    }
}
