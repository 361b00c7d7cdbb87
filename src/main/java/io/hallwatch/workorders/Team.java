package io.hallwatch.workorders;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Who acts on a work order (contract, section 3): the cleaning crew, ops staff or the hall managers. */
public enum Team {
    CLEANING, OPS, MANAGERS;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Team> fromWire(String text) {
        return Arrays.stream(values()).filter(team -> team.wire().equals(text)).findFirst();
    }
}
