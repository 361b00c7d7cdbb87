package io.hallwatch.badges;

import io.hallwatch.ingest.DeviceMessage.BadgeAction;
import java.time.Instant;
import java.util.Objects;

/** One badge tap as the attendance rules see it: when the reader saw it (device time) and which way. */
public record Tap(Instant at, BadgeAction action) {

    public Tap {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
    }

    public boolean in() {
        return action == BadgeAction.IN;
    }
}
