package io.hallwatch.platform;

/**
 * The one rule for hall, window, staff and device ids (contract, section 1): 1 to 64 characters of
 * A-Z a-z 0-9 _ -, so that every id can stand in an MQTT topic.
 */
public final class Ids {

    public static final String REGEX = "[A-Za-z0-9_-]{1,64}";
    public static final String MESSAGE = "must be 1 to 64 characters of A-Z a-z 0-9 _ -";

    private Ids() {
    }
}
