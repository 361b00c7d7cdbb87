package io.hallwatch.bridge.map;

/** How a vendor topic's payload is read; the profile's {@code payload:} of a topic. */
enum PayloadFormat {
    /** A JSON object; anything else is refused. */
    JSON("json"),
    /** UTF-8 text, such as ESPHome's {@code ON} or {@code 0.43}. */
    TEXT("text"),
    /** JSON when it parses as JSON, text otherwise (Zigbee2MQTT availability, in both its forms). */
    AUTO("auto");

    private final String wire;

    PayloadFormat(String wire) {
        this.wire = wire;
    }

    static PayloadFormat parse(String text) {
        try {
            return Named.find(PayloadFormat.class, format -> format.wire, text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("payload " + e.getMessage(), e);
        }
    }
}
