package io.hallwatch.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an audit line says changed: whole objects on create and delete, only what differs on update. */
class ChangesTest {

    record Rules(Integer grace, Double full) {
    }

    record Thing(String name, String staffB, Rules rules, List<String> days) {
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void anUpdateKeepsOnlyTheChangedFieldsWithNestedOnesByDottedPath() {
        Thing before = new Thing("一号", "S02", new Rules(900, 66.7), List.of("MON", "TUE"));
        Thing after = new Thing("一号", null, new Rules(900, 70.0), List.of("MON"));
        Map<String, Object> json = Changes.between(before, after).json();
        assertEquals(map("staffB", "S02", "rules.full", 66.7, "days", List.of("MON", "TUE")), json.get("before"));
        assertEquals(map("staffB", null, "rules.full", 70.0, "days", List.of("MON")), json.get("after"));
    }

    @Test
    void nothingChangedLeavesBothSidesEmptyWhateverOrderASetWasReadIn() {
        Thing same = new Thing("一号", "S02", new Rules(900, 66.7), List.of("MON", "TUE"));
        Thing reordered = new Thing("一号", "S02", new Rules(900, 66.7), List.of("TUE", "MON"));
        assertEquals(Map.of("before", Map.of(), "after", Map.of()), Changes.between(same, reordered).json());
    }

    @Test
    void aCreationKeepsTheWholeNewObjectAndARemovalTheWholeOldOne() {
        Thing thing = new Thing("一号", null, new Rules(900, 66.7), List.of());
        Map<String, Object> whole = map("name", "一号", "staffB", null, "rules", Map.of("grace", 900, "full", 66.7),
                "days", List.of());
        assertEquals(Map.of("after", whole), Changes.between(null, thing).json());
        assertEquals(Map.of("after", whole), Changes.created(thing).json());
        assertEquals(Map.of("before", whole), Changes.deleted(thing).json());
    }

    @Test
    void withheldFieldsAreDroppedFromBothSidesAndNullFactsAreLeftOut() {
        Thing before = new Thing("a", "S02", null, null);
        Thing after = new Thing("b", "S03", null, null);
        Map<String, Object> json = Changes.between(before, after).without("staffB").with("url", Changes.replaced(null))
                .with("secret", Changes.replaced(" ")).json();
        assertEquals(Map.of("name", "a"), json.get("before"));
        assertEquals(Map.of("name", "b"), json.get("after"));
        assertEquals("removed", json.get("secret"));
        assertEquals(Arrays.asList("before", "after", "secret"), List.copyOf(json.keySet()));
    }

    @Test
    void writeOnlySettingsAreNamedNeverShown() {
        assertEquals("replaced", Changes.replaced("https://oapi.dingtalk.com/robot/send?access_token=abc"));
        assertEquals("removed", Changes.replaced(""));
        assertNull(Changes.replaced(null));
    }

    @Test
    void detailsTooLongAreCutToValidJsonMarkedTruncated() {
        String json = AuditLog.json(Map.of("text", "x".repeat(AuditLog.MAX_DETAILS)));
        assertEquals(true, io.hallwatch.platform.Json.read(json, Map.class).get("truncated"));
        assertEquals("\"plain\"", AuditLog.json("plain"));
        assertNull(AuditLog.json(null));
    }
}
