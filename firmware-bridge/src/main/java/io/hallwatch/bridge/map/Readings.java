package io.hallwatch.bridge.map;

import io.hallwatch.bridge.contract.Kind;
import java.util.ArrayList;
import java.util.List;

/** What a reading of each kind may and must hold, for profile checks and their messages. */
final class Readings {

    private Readings() {
    }

    /** The wire names of the fields a reading of this kind may carry. */
    static List<String> fieldNames(Kind kind) {
        List<String> names = new ArrayList<>();
        for (ContractField field : ContractField.values()) {
            if (field.belongsTo(kind)) {
                names.add(field.wire());
            }
        }
        return names;
    }

    /** The fields the contract requires in every reading of this kind. */
    static List<ContractField> required(Kind kind) {
        List<ContractField> fields = new ArrayList<>();
        for (ContractField field : ContractField.values()) {
            if (field.requiredFor(kind)) {
                fields.add(field);
            }
        }
        return fields;
    }

    /** An exception naming a required field the reading does not fill. */
    static void requireFields(Kind kind, List<FieldSpec> specs, Profile profile) {
        for (ContractField field : required(kind)) {
            if (specs.stream().noneMatch(spec -> spec.field() == field)) {
                String hint = profile.optionMap().containsKey(field.wire()) ? " (set option " + field.wire() + ")" : "";
                throw new IllegalArgumentException("a " + kind.wire() + " reading needs " + field.wire()
                        + ", and the profile gives none" + hint);
            }
        }
    }
}
