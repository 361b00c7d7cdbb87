package io.hallwatch.bridge.map;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Finds the device topics a received topic may belong to without trying every device: topics are
 * grouped by their filter, and the filters by shape (how many levels, which are {@code +}), so a
 * lookup builds one key per shape. Devices may share a vendor topic only when their filters are
 * the same (the four switches of one Tasmota, the channels of one LoRaWAN node): two devices whose
 * different filters could match one message are refused, since such a message would reach both
 * devices while most messages reach one, which is a typo in a topic far more often than intended.
 */
final class TopicIndex {

    /** A filter's level count and the positions of its {@code +} levels. */
    private record Shape(int levels, BitSet plus) {
        static Shape of(String filter) {
            String[] levels = filter.split("/", -1);
            BitSet plus = new BitSet();
            for (int i = 0; i < levels.length; i++) {
                plus.set(i, levels[i].equals("+"));
            }
            return new Shape(levels.length, plus);
        }
    }

    private final Map<String, List<TopicBinding>> byFilter = new LinkedHashMap<>();
    private final Map<Shape, List<TopicBinding>> byShape = new LinkedHashMap<>();

    TopicIndex(List<TopicBinding> topics) {
        for (TopicBinding topic : topics) {
            byFilter.computeIfAbsent(topic.pattern().filter(), filter -> new ArrayList<>()).add(topic);
            byShape.computeIfAbsent(Shape.of(topic.pattern().filter()), shape -> new ArrayList<>()).add(topic);
        }
        for (Shape a : byShape.keySet()) {
            for (Shape b : byShape.keySet()) {
                if (a.levels() == b.levels()) {
                    refuseOverlaps(a, b);
                }
            }
        }
    }

    List<String> filters() {
        return List.copyOf(new LinkedHashSet<>(byFilter.keySet()));
    }

    /** The topics whose filter matches, in the profile's order. */
    List<TopicBinding> candidates(String topic) {
        String[] levels = topic.split("/", -1);
        List<TopicBinding> found = new ArrayList<>();
        for (Shape shape : byShape.keySet()) {
            if (shape.levels() == levels.length) {
                found.addAll(byFilter.getOrDefault(masked(levels, shape.plus()), List.of()));
            }
        }
        found.sort(Comparator.comparingInt(TopicBinding::order));
        return found;
    }

    private void refuseOverlaps(Shape a, Shape b) {
        BitSet union = (BitSet) a.plus().clone();
        union.or(b.plus());
        Map<String, List<TopicBinding>> seen = new HashMap<>();
        for (TopicBinding topic : byShape.get(b)) {
            seen.computeIfAbsent(masked(topic.pattern().filter().split("/", -1), union), key -> new ArrayList<>())
                    .add(topic);
        }
        for (TopicBinding topic : byShape.get(a)) {
            String key = masked(topic.pattern().filter().split("/", -1), union);
            for (TopicBinding other : seen.getOrDefault(key, List.of())) {
                boolean sameDevice = other.binding().device().equals(topic.binding().device());
                if (!sameDevice && !other.pattern().filter().equals(topic.pattern().filter())) {
                    throw new IllegalArgumentException("device " + topic.binding().device() + " (profile "
                            + topic.binding().profile() + "): vendor topic " + topic.pattern().filter()
                            + " is also claimed by device " + other.binding().device() + " (" + other.pattern().filter()
                            + "); devices may share a vendor topic only when both use exactly the same one");
                }
            }
        }
    }

    private static String masked(String[] levels, BitSet plus) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < levels.length; i++) {
            key.append(i == 0 ? "" : "/").append(plus.get(i) ? "+" : levels[i]);
        }
        return key.toString();
    }
}
