package io.hallwatch.bridge.map;

import io.hallwatch.bridge.contract.ContractMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One vendor topic of one device, ready to map: where it is (its pattern), how its payload is read,
 * what it must contain and what it becomes. {@code order} is the topic's place in the profile, which
 * decides between two topics of one device that both match.
 */
record TopicBinding(DeviceBinding binding, int order, TopicPattern pattern, PayloadFormat format,
        List<Expectation> expectations, Mapping mapping) {

    TopicBinding {
        expectations = List.copyOf(expectations);
    }

    /** The result of one message on this topic; never throws for anything the message contains. */
    MapResult map(String topic, Map<String, String> captures, byte[] payload, Instant receivedAt) {
        if (payload.length == 0) {
            return new MapResult.Ignored("empty payload on " + topic + " (a retained message being cleared)");
        }
        try {
            String text = VendorPayloads.text(payload);
            VendorMessage message = new VendorMessage(topic, captures, text, VendorPayloads.json(text, format),
                    binding, receivedAt);
            for (Expectation expectation : expectations) {
                expectation.check(message);
            }
            ContractMessage mapped = mapping.map(message);
            return new MapResult.Mapped(List.of(mapped));
        } catch (Refusal refusal) {
            return new MapResult.Refused("device " + binding.device() + " (" + binding.profile() + "), topic " + topic
                    + ": " + refusal.getMessage());
        }
    }
}
