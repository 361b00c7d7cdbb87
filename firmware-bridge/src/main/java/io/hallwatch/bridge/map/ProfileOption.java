package io.hallwatch.bridge.map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One option a profile reads from a binding's {@code options}: its type, whether a binding must set
 * it, its default (null when it has none) and what it means, for the documentation and for errors.
 */
public record ProfileOption(String name, Type type, boolean required, JsonNode defaultValue, String description) {

    /** What an option's value may be. */
    public enum Type {
        /** Text (a number or boolean is taken as its text): object ids, field names, pointers, topics. */
        TEXT,
        /** A JSON number: calibration distances. */
        NUMBER,
        /** A whole field definition (a pointer, a list of them, or a map with from/value/template...). */
        FIELD
    }
}
