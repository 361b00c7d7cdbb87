package io.hallwatch.bridge.map;

import static io.hallwatch.bridge.map.MapTesting.RECEIVED;
import static io.hallwatch.bridge.map.MapTesting.RECEIVED_TS;
import static io.hallwatch.bridge.map.MapTesting.binding;
import static io.hallwatch.bridge.map.MapTesting.mapped;
import static io.hallwatch.bridge.map.MapTesting.refused;
import static io.hallwatch.bridge.map.MapTesting.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallwatch.bridge.contract.Kind;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Vendor times to the contract's ts, always written as RFC 3339 in the hall's zone (+08:00 here). */
class TimestampsTest {

    private static String tsOf(String format, String vendorTs) {
        Map<String, Object> ts = format.isEmpty() ? Map.of("from", "/t") : Map.of("from", "/t", "format", format);
        Router router = MapTesting.router(binding("generic-json", Kind.PRESENCE, "desk-1", "acme/desk-1",
                Map.of("occupied", "/o", "ts", ts)));
        String body = vendorTs == null ? "{\"o\":true}" : "{\"o\":true,\"t\":" + vendorTs + "}";
        MapResult result = router.map("acme/desk-1", utf8(body), RECEIVED);
        if (result instanceof MapResult.Refused) {
            return refused(result);
        }
        return mapped(result).text().replaceAll("^\\{\"ts\":\"([^\"]*)\".*", "$1");
    }

    @ParameterizedTest(name = "{0} {1} is {2}")
    @CsvSource(delimiter = '|', value = {
        "         | \"2026-11-23T09:02:11+08:00\"     | 2026-11-23T09:02:11+08:00",
        "         | \"2026-11-23T01:02:11Z\"          | 2026-11-23T09:02:11+08:00",
        "         | \"2026-11-23T02:02:11.250+09:00\" | 2026-11-23T01:02:11.25+08:00",
        "rfc3339  | \"2026-11-23T01:02:11.5-00:00\"   | 2026-11-23T09:02:11.5+08:00",
        "         | 1763859731000                   | 2025-11-23T09:02:11+08:00",
        "epoch-ms | 1763859731123                   | 2025-11-23T09:02:11.123+08:00",
        "epoch-ms | \"1763859731000\"                | 2025-11-23T09:02:11+08:00",
        "epoch-s  | 1763859731                      | 2025-11-23T09:02:11+08:00",
        "epoch-s  | 1763859731.5                    | 2025-11-23T09:02:11.5+08:00",
        "local    | \"2026-11-23T09:02:11\"           | 2026-11-23T09:02:11+08:00",
        "         | \"2026-11-23T09:02:11\"           | 2026-11-23T09:02:11+08:00",
        "local    | \"2026-11-23T09:02:11+01:00\"     | 2026-11-23T16:02:11+08:00"
    })
    void convertsEachVendorFormatToTheHallsOffset(String format, String vendorTs, String expected) {
        assertEquals(expected, tsOf(format == null ? "" : format, vendorTs));
    }

    @Test
    void usesTheReceiveTimeWhenTheVendorGivesNone() {
        assertEquals(RECEIVED_TS, tsOf("", null));
    }

    @ParameterizedTest(name = "{0} {1} is the receive time")
    @CsvSource(delimiter = '|', value = {
        "         | \"1999-12-31T23:59:59Z\"",
        "local    | \"1970-01-01T00:03:27\"",
        "epoch-s  | 207",
        "epoch-ms | 946684799999"
    })
    void usesTheReceiveTimeForATimeBefore2000FromAClockNeverSet(String format, String vendorTs) {
        assertEquals(RECEIVED_TS, tsOf(format == null ? "" : format, vendorTs));
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "         | 1763859731                 | ts: /t is 1763859731, which looks like epoch seconds: give the field format: epoch-s",
        "rfc3339  | \"2026-11-23T09:02:11\"      | ts: /t is \"2026-11-23T09:02:11\", not a time (RFC 3339 with an offset)",
        "         | \"23/11/2026 09:02\"         | ts: /t is \"23/11/2026 09:02\", not a time (RFC 3339, a local date-time or epoch milliseconds)",
        "epoch-ms | 1763859731000.5            | ts: /t is 1763859731000.5, not a time (integer epoch milliseconds)",
        "epoch-ms | -5                         | ts: /t is -5, not a time (integer epoch milliseconds)",
        "local    | 1763859731000              | ts: /t is 1763859731000, not a time (a local date-time such as 2026-11-23T09:02:11)",
        "         | 99999999999999999          | ts: /t is 99999999999999999, not a time (RFC 3339, a local date-time or epoch milliseconds)",
        "         | true                       | ts: /t is true, not a time (RFC 3339, a local date-time or epoch milliseconds)"
    })
    void refusesATimeItCannotRead(String format, String vendorTs, String reason) {
        String refusal = tsOf(format == null ? "" : format, vendorTs);

        assertTrue(refusal.endsWith(reason), refusal);
    }
}
