package io.hallwatch.platform;

import jakarta.persistence.AttributeConverter;

/**
 * Stores a small value object as JSON text, portable between PostgreSQL and H2. Used for settings
 * that are read and written as a whole (opening hours, rule settings, work-order evidence).
 */
public abstract class JsonColumn<T> implements AttributeConverter<T, String> {

    private final Class<T> type;

    protected JsonColumn(Class<T> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(T value) {
        return value == null ? null : Json.write(value);
    }

    @Override
    public T convertToEntityAttribute(String text) {
        return text == null ? null : Json.read(text, type);
    }
}
