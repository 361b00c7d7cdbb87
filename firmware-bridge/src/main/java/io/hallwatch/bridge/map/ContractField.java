package io.hallwatch.bridge.map;

import io.hallwatch.bridge.contract.Kind;
import java.util.List;

/**
 * The fields a profile can fill, in the order they are written into a contract payload, with the
 * contract's type for each (hallwatch-v1 section 2). {@link #STATUS} is the online/offline word of a
 * status topic and never part of a reading.
 */
enum ContractField {
    TS("ts", FieldType.TIMESTAMP, null, false),
    OCCUPIED("occupied", FieldType.BOOLEAN, Kind.PRESENCE, true),
    STATE("state", FieldType.WORD, Kind.SIGNAGE, true, "ok", "fault", "blank"),
    SHOWING("showing", FieldType.WORD, Kind.SIGNAGE, true, "open", "paused", "closed"),
    CODE("code", FieldType.TEXT, Kind.SIGNAGE, false),
    FILL("fill", FieldType.PERCENT, Kind.BIN, true),
    CARD("card", FieldType.TEXT, Kind.BADGE, true),
    ACTION("action", FieldType.WORD, Kind.BADGE, true, "in", "out"),
    BATTERY("battery", FieldType.PERCENT, null, false),
    SEQ("seq", FieldType.COUNTER, null, false),
    STATUS("status", FieldType.WORD, null, true, "online", "offline");

    /** The contract types a vendor value is converted to. */
    enum FieldType { BOOLEAN, WORD, TEXT, PERCENT, TIMESTAMP, COUNTER }

    private final String wire;
    private final FieldType type;
    private final Kind owner;
    private final boolean required;
    private final List<String> words;

    ContractField(String wire, FieldType type, Kind owner, boolean required, String... words) {
        this.wire = wire;
        this.type = type;
        this.owner = owner;
        this.required = required;
        this.words = List.of(words);
    }

    String wire() {
        return wire;
    }

    FieldType type() {
        return type;
    }

    /** Whether a message without it is refused, unless the profile says {@code optional}. */
    boolean requiredByDefault() {
        return required;
    }

    /** The allowed words of a {@link FieldType#WORD} field. */
    List<String> words() {
        return words;
    }

    /** Whether a reading of this kind may carry the field. */
    boolean belongsTo(Kind kind) {
        return this != STATUS && (owner == null || owner == kind);
    }

    /** Whether the contract requires the field in every reading of this kind. */
    boolean requiredFor(Kind kind) {
        return owner == kind && required;
    }

    /** The reading field with this wire name; null when there is none. */
    static ContractField reading(String wire) {
        for (ContractField field : values()) {
            if (field != STATUS && field.wire.equals(wire)) {
                return field;
            }
        }
        return null;
    }
}
