package io.hallwatch.bridge.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallwatch.bridge.contract.Kind;
import io.hallwatch.bridge.csv.LineProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceCsvTest {

    @Test
    void readsColumnsInAnyOrderAndCaseSkippingBlankLinesAndComments() {
        DeviceCsv.Result result = DeviceCsv.parse("""
                # devices of hall A
                Kind,ID,hall,Zone,window

                presence,door-1,hall-a,,w1
                  # the bins
                bin,bin-1,hall-a,"lobby, left",
                """);

        assertEquals(List.of(), result.problems());
        assertEquals(List.of(new DeviceRow(4, "door-1", "hall-a", Kind.PRESENCE, "w1", null),
                new DeviceRow(6, "bin-1", "hall-a", Kind.BIN, null, "lobby, left")), result.rows());
    }

    @Test
    void namesEveryBadRowByTheLineAnEditorShows() {
        DeviceCsv.Result result = DeviceCsv.parse("""
                id,hall,kind,window
                ok-1,h1,bin
                # a comment does not shift the numbers
                bad id,h1,bin
                ok-2,h1,toaster
                ok-1,h1,bin
                ok-3,,bin
                ok-4,h1,bin,,extra
                """);

        assertEquals(List.of("ok-1"), result.rows().stream().map(DeviceRow::id).toList(), "only the good rows");
        assertEquals(false, result.ok(), "which are not to be acted on while any row is bad");
        assertEquals(List.of(
                "line 4: id 'bad id' must be 1 to 64 characters of A-Z a-z 0-9 _ -",
                "line 5: unknown device kind 'toaster': use presence, signage, bin or badge",
                "line 6: device id 'ok-1' is already on line 2",
                "line 7: the hall is missing",
                "line 8: it has 5 fields, the header 4 (quote fields that contain a comma)"),
                result.problems().stream().map(LineProblem::toString).toList());
    }

    @Test
    void aQuotedLineBreakKeepsTheFollowingLineNumbersRight() {
        DeviceCsv.Result result = DeviceCsv.parse("id,hall,kind,zone\nb1,h1,bin,\"two\nlines\"\nb2,h1,bin,\nb3,h1,oven,\n");

        assertEquals(List.of("line 2: the zone contains a line break or control character",
                "line 5: unknown device kind 'oven': use presence, signage, bin or badge"),
                result.problems().stream().map(LineProblem::toString).toList());
    }

    @Test
    void refusesAHeaderWithoutTheRequiredColumns() {
        DeviceCsv.Result result = DeviceCsv.parse("# devices\ndevice,hall,type\nd1,h1,bin\n");

        assertEquals(List.of(new LineProblem(2, "the header lacks the column(s) id, kind; it must name id,hall,kind"
                + " (and optionally window,zone), found: device,hall,type")), result.problems());
    }

    @Test
    void refusesAnEmptyFileAndAnUnclosedQuote() {
        assertEquals(1, DeviceCsv.parse("# only a comment\n\n").problems().size());
        assertEquals("line 2: the quote opened on line 2 is never closed",
                DeviceCsv.parse("id,hall,kind,zone\nb1,h1,bin,\"open\n").problems().get(0).toString());
    }

    @Test
    void listsColumnsItIgnoresSoThatACredentialsFileReadsAsADevicesFile() {
        DeviceCsv.Result result = DeviceCsv.parse("\uFEFFid,hall,kind,topic,mqttPassword\nd1,h1,bin,t,secret\n");

        assertTrue(result.ok());
        assertEquals(List.of("topic", "mqttpassword"), result.ignoredColumns());
        assertEquals("d1", result.rows().get(0).id(), "a byte-order mark is not part of the first column's name");
    }

    @Test
    void placementNeedsAWindowForPresenceAndSignageAndAZoneForTheOthers() {
        DeviceCsv.Result result = DeviceCsv.parse("id,hall,kind,window\np1,h1,presence,\ns1,h1,signage,w1\nb1,h1,bin,w1\n");

        assertEquals(List.of(new LineProblem(2, "a presence device needs a window"),
                new LineProblem(4, "a bin device stands in a zone, not at a window: use the zone column")),
                DeviceCsv.placementProblems(result.rows()));
    }
}
