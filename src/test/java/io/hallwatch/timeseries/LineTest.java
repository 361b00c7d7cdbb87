package io.hallwatch.timeseries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Points are written in exact line protocol, whatever people typed into names and notes. */
class LineTest {

    static final Instant T = Instant.parse("2026-11-25T02:03:04.000005006Z");

    @Test
    void writesTagsFieldsAndNanosecondTime() {
        assertEquals("bin_fill,hall=h1,device=b-1 fill=71.5,over_full=1i,full_percent=66.7 1795572184000005006",
                Line.of("bin_fill").tag("hall", "h1").tag("device", "b-1").field("fill", 71.5).field("over_full", true)
                        .field("full_percent", 66.7).at(T));
    }

    @Test
    void escapesWhatTheProtocolReservesAndLeavesOutEmptyTags() {
        assertEquals("work_order,hall=a\\,b\\ c\\=d subject=\"say \\\"hi\\\" \\\\ now\",count=3i 1795572184000005006",
                Line.of("work_order").tag("hall", "a,b c=d").tag("window", "").tag("staff", null)
                        .field("subject", "say \"hi\" \\ now").field("count", 3L).at(T));
    }

    @Test
    void aPointWithoutFieldsIsRefusedAndNonFiniteNumbersAreLeftOut() {
        assertThrows(IllegalStateException.class, () -> Line.of("x").tag("a", "b").at(T));
        assertEquals("x v=1i 1795572184000005006", Line.of("x").field("nan", Double.NaN).field("v", 1L).at(T));
    }
}
