package io.hallwatch.bridge.map;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Maps vendor messages to HallWatch contract messages for the configured devices. Everything a
 * message will need is checked when the router is built (profile known, options present and
 * possible, kind producible, no vendor topic claimed twice, no device bound twice), failing with an
 * {@link IllegalArgumentException} that names the device and the problem. Immutable and thread-safe:
 * {@link #map} may be called from many threads at once and never throws for anything a message
 * contains.
 */
public final class Router {

    private static final int SHOWN_TOPIC = 200;

    private final TopicIndex index;

    public Router(Profiles profiles, List<DeviceBinding> devices) {
        Objects.requireNonNull(profiles, "profiles");
        List<TopicBinding> topics = new ArrayList<>();
        Set<String> bound = new HashSet<>();
        for (DeviceBinding device : devices) {
            if (!bound.add(device.device())) {
                throw new IllegalArgumentException("device " + device.device() + " is bound twice; a HallWatch device"
                        + " speaks for one vendor device");
            }
            Profile profile;
            try {
                profile = profiles.get(device.profile());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("device " + device.device() + ": " + e.getMessage(), e);
            }
            topics.addAll(Binder.bind(profile, device));
        }
        this.index = new TopicIndex(topics);
    }

    /** The MQTT filters to subscribe to on the vendor broker, without duplicates. */
    public List<String> filters() {
        return index.filters();
    }

    /** What the vendor message becomes; {@code Refused} with the reason when it cannot be mapped. */
    public MapResult map(String topic, byte[] payload, Instant receivedAt) {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(receivedAt, "receivedAt");
        for (TopicBinding candidate : index.candidates(topic)) {
            Map<String, String> captures = candidate.pattern().match(topic);
            if (captures != null) {
                return candidate.map(topic, captures, payload, receivedAt);
            }
        }
        String shown = topic.length() <= SHOWN_TOPIC ? topic : topic.substring(0, SHOWN_TOPIC) + "...";
        return new MapResult.Refused("no configured device uses topic " + shown);
    }
}
