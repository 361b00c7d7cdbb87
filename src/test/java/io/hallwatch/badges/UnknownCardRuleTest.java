package io.hallwatch.badges;

import static io.hallwatch.badges.Scenario.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallwatch.workorders.OrderCommand;
import io.hallwatch.workorders.OrderCommand.Note;
import io.hallwatch.workorders.OrderCommand.Open;
import io.hallwatch.workorders.WorkOrderType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cards no staff member holds, at the staff entrance reader. */
class UnknownCardRuleTest {

    private final UnknownCardRule reader = new UnknownCardRule("demo-badge-1", "员工通道");

    @Test
    void unknownCardOpensUnknownCardAndASecondUnknownCardAtTheSameReaderAddsANote() {
        List<OrderCommand> first = reader.tap("04A1B2C3", at("2026-03-02T08:41"), null);
        Open open = assertInstanceOf(Open.class, first.get(0));
        assertEquals(WorkOrderType.UNKNOWN_CARD, open.type());
        assertEquals("demo-badge-1", open.subject());
        assertEquals("读卡器 demo-badge-1（员工通道）读到未登记的卡 04A1B2C3", open.summary().zh());
        assertEquals("Badge reader demo-badge-1 (员工通道) read an unregistered card 04A1B2C3", open.summary().en());
        assertEquals("04A1B2C3", open.details().get("card"));
        assertEquals(at("2026-03-02T08:41").toString(), open.details().get("tappedAt"));

        List<OrderCommand> second = reader.tap("04FFEE01", at("2026-03-02T08:45"), List.of("04A1B2C3"));
        Note note = assertInstanceOf(Note.class, second.get(0));
        assertEquals("demo-badge-1", note.subject());
        assertEquals(List.of("04A1B2C3", "04FFEE01"), note.details().get("cards"));
        assertTrue(reader.tap("04FFEE01", at("2026-03-02T08:46"), List.of("04A1B2C3", "04FFEE01")).isEmpty());
    }
}
