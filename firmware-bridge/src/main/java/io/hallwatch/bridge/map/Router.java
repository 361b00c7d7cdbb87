package io.hallwatch.bridge.map;

import io.hallwatch.bridge.contract.ContractMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Maps vendor messages to HallWatch contract messages for the configured devices. Everything a
 * message will need is checked when the router is built (profile known, options present and
 * possible, kind producible, no vendor topics that only partly overlap between devices, no device
 * bound twice), failing with an {@link IllegalArgumentException} that names the device and the
 * problem. Several devices may share exactly the same vendor topic: each maps its own part of every
 * message on it. Immutable and thread-safe: {@link #map} may be called from many threads at once and
 * never throws for anything a message contains.
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

    /** What a message that is not the broker's retained copy becomes: {@code map(topic, payload, receivedAt, false)}. */
    public MapResult map(String topic, byte[] payload, Instant receivedAt) {
        return map(topic, payload, receivedAt, false);
    }

    /**
     * What the vendor message becomes for every device bound to its topic; {@code Refused} with the
     * reason when nothing can be mapped.
     *
     * @param retained the message's retained flag ({@code MqttMessage.isRetained()}): true for the copy
     *                 the broker replays on (re)subscribe. Such a reading is {@code Ignored} unless it
     *                 carries the device's own time, since stamping an old value with the receive time
     *                 would make a dead sensor look alive; retained statuses are mapped as usual.
     */
    public MapResult map(String topic, byte[] payload, Instant receivedAt, boolean retained) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(receivedAt, "receivedAt");
        List<MapResult> parts = new ArrayList<>();
        Set<String> devices = new HashSet<>();
        for (TopicBinding candidate : index.candidates(topic)) {
            Map<String, String> captures = candidate.pattern().match(topic);
            // Candidates come in the profile's order: a device's first matching topic is the one that maps.
            if (captures != null && devices.add(candidate.binding().device())) {
                parts.add(candidate.map(topic, captures, payload, receivedAt, retained));
            }
        }
        if (parts.isEmpty()) {
            String shown = topic.length() <= SHOWN_TOPIC ? topic : topic.substring(0, SHOWN_TOPIC) + "...";
            return new MapResult.Refused("no configured device uses topic " + shown);
        }
        return parts.size() == 1 ? parts.get(0) : combined(parts);
    }

    /** The parts of one message shared by several devices: each device's part goes or not on its own. */
    private static MapResult combined(List<MapResult> parts) {
        List<ContractMessage> messages = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        Set<String> ignored = new LinkedHashSet<>();
        for (MapResult part : parts) {
            if (part instanceof MapResult.Mapped) {
                messages.addAll(((MapResult.Mapped) part).messages());
            } else if (part instanceof MapResult.Refused) {
                refusals.add(((MapResult.Refused) part).reason());
            } else {
                ignored.add(((MapResult.Ignored) part).reason());
            }
        }
        if (!messages.isEmpty()) {
            return new MapResult.Mapped(messages, refusals);
        }
        return refusals.isEmpty() ? new MapResult.Ignored(String.join("; ", ignored))
                : new MapResult.Refused(String.join("; ", refusals));
    }
}
