package io.hallwatch.bridge.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hallwatch.bridge.contract.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImportBatchTest {

    @Test
    void splitsRowsIntoBatchesOfTheGivenSizeInFileOrder() {
        List<ImportBatch> batches = ImportBatch.split(rows(1200), 500);

        assertEquals(List.of(500, 500, 200), batches.stream().map(b -> b.rows().size()).toList());
        assertEquals("d501", batches.get(1).rows().get(0).id());
    }

    @Test
    void mapsTheServicesLineNumbersBackToTheUsersRows() {
        List<DeviceRow> rows = rows(5);
        ImportBatch second = ImportBatch.split(rows, 3).get(1);

        assertEquals(Optional.of(rows.get(3)), second.rowAt(2), "line 2 of a batch is its first row, after the header");
        assertEquals(Optional.of(rows.get(4)), second.rowAt(3));
        assertEquals(Optional.empty(), second.rowAt(1), "line 1 is the header");
    }

    @Test
    void writesTheServicesHeaderAndQuotesWhatNeedsIt() {
        List<DeviceRow> rows = List.of(new DeviceRow(2, "p1", "h1", Kind.PRESENCE, "w1", null),
                new DeviceRow(3, "b1", "h1", Kind.BIN, null, "lobby, \"left\""),
                new DeviceRow(4, "b2", "h1", Kind.BIN, null, "two\nlines"),
                new DeviceRow(6, "b3", "h1", Kind.BIN, null, null));
        ImportBatch batch = ImportBatch.split(rows, 10).get(0);

        assertEquals("id,hall,kind,window,zone\np1,h1,presence,w1,\nb1,h1,bin,,\"lobby, \"\"left\"\"\"\n"
                + "b2,h1,bin,,\"two\nlines\"\nb3,h1,bin,,\n", batch.body());
        assertEquals(Optional.of(rows.get(3)), batch.rowAt(6), "a quoted line break moves the next row down a line");
    }

    @Test
    void refusesBatchesTheServiceWouldRefuse() {
        assertThrows(IllegalArgumentException.class, () -> ImportBatch.split(rows(1), 10_001));
        assertThrows(IllegalArgumentException.class, () -> ImportBatch.split(rows(1), 0));
    }

    static List<DeviceRow> rows(int count) {
        List<DeviceRow> rows = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            rows.add(new DeviceRow(i + 1, "d" + i, "h1", Kind.BIN, null, null));
        }
        return rows;
    }
}
