package io.hallwatch.workorders;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A hall's deadlines per work-order type: minutes to acknowledge an order and minutes to resolve it,
 * both counted from when it opens. Types or values left out take the type's defaults (bins 15/30,
 * signs 30/120, off-post 10/30, sensors 60/240). A missed deadline escalates the order once.
 */
public record OrderDeadlines(@JsonValue Map<WorkOrderType, Deadline> byType) {

    /** Written and read as the map itself: {@code {"BIN_FULL": {"acknowledgeMinutes": 15}}}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static OrderDeadlines of(Map<WorkOrderType, Deadline> byType) {
        return new OrderDeadlines(byType);
    }

    /** Minutes to acknowledge and to resolve; either may be left out. */
    public record Deadline(Integer acknowledgeMinutes, Integer resolveMinutes) {

        public Duration acknowledge() {
            return Duration.ofMinutes(acknowledgeMinutes);
        }

        public Duration resolve() {
            return Duration.ofMinutes(resolveMinutes);
        }
    }

    public static OrderDeadlines defaults() {
        return new OrderDeadlines(Map.of()).withDefaults();
    }

    /** The deadline of {@code type}, defaults filled in. */
    public Deadline of(WorkOrderType type) {
        Deadline given = byType == null ? null : byType.get(type);
        Deadline fallback = type.defaultDeadline();
        if (given == null) {
            return fallback;
        }
        return new Deadline(Objects.requireNonNullElse(given.acknowledgeMinutes(), fallback.acknowledgeMinutes()),
                Objects.requireNonNullElse(given.resolveMinutes(), fallback.resolveMinutes()));
    }

    /** Every type with its deadline, defaults filled in: what {@code GET /api/halls/{hall}} shows. */
    public OrderDeadlines withDefaults() {
        Map<WorkOrderType, Deadline> all = new EnumMap<>(WorkOrderType.class);
        for (WorkOrderType type : WorkOrderType.values()) {
            all.put(type, of(type));
        }
        return new OrderDeadlines(all);
    }

    /** What is wrong with these deadlines; empty when usable. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<WorkOrderType, Deadline> entry : withDefaults().byType().entrySet()) {
            Deadline d = entry.getValue();
            String name = "deadlines." + entry.getKey();
            if (d.acknowledgeMinutes() <= 0 || d.resolveMinutes() <= 0) {
                problems.add(name + ": minutes must be greater than 0");
            } else if (d.resolveMinutes() < d.acknowledgeMinutes()) {
                problems.add(name + ".resolveMinutes must not be below acknowledgeMinutes");
            }
        }
        return problems;
    }
}
