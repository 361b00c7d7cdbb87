package io.hallwatch.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTableTest {

    @Test
    void readsRowsWithTheirLineNumbersSkippingBlankLines() {
        List<CsvTable.Row> rows = CsvTable.parse("\uFEFFid,hall\r\nd1,h1\r\n\r\nd2,h2\n");
        assertEquals(List.of(
                new CsvTable.Row(1, List.of("id", "hall")),
                new CsvTable.Row(2, List.of("d1", "h1")),
                new CsvTable.Row(4, List.of("d2", "h2"))), rows);
    }

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() {
        List<CsvTable.Row> rows = CsvTable.parse("zone,kind\n\"east, \"\"A\"\"\nside\",bin\nx,y");
        assertEquals(List.of("east, \"A\"\nside", "bin"), rows.get(1).fields());
        assertEquals(new CsvTable.Row(4, List.of("x", "y")), rows.get(2));
    }
}
