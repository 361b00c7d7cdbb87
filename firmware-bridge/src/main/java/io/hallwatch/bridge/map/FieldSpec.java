package io.hallwatch.bridge.map;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * How a profile fills one contract field: the sources tried in order (the first present one wins),
 * an optional value map applied to the vendor's value (keys compared as text without regard to case,
 * numbers in plain form; a value that is no key passes unchanged), whether the field may be absent,
 * the timestamp format of a {@code ts}, and whether a {@code fill} is a distance to calibrate.
 */
record FieldSpec(ContractField field, List<Source> sources, Map<String, JsonNode> valueMap, boolean optional,
        TimeFormat format, boolean calibrate) {

    FieldSpec {
        sources = List.copyOf(sources);
        // Kept as given (a case-insensitive map), only made read-only: mappings are shared by threads.
        valueMap = Collections.unmodifiableMap(valueMap);
    }

    /** The first present value; null when every source is absent. */
    Found read(VendorMessage message) {
        for (Source source : sources) {
            JsonNode value = source.read(message);
            if (value != null) {
                return new Found(source.describe(), value);
            }
        }
        return null;
    }

    /** The value after the value map; a JSON number is looked up in plain form, so 1.0 finds the key "1". */
    Found mapped(Found found) {
        if (valueMap.isEmpty() || !found.value().isValueNode()) {
            return found;
        }
        JsonNode to = valueMap.get(Numbers.plain(found.value()).trim());
        return to == null ? found : new Found(found.where(), to);
    }

    Refusal missing() {
        List<String> places = new ArrayList<>();
        for (Source source : sources) {
            places.add(source.describe());
        }
        return new Refusal(field.wire() + " is missing (looked at " + String.join(", ", places) + ")");
    }
}
