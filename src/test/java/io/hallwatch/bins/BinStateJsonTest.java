package io.hallwatch.bins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallwatch.platform.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stored form of a bin's state: compact sample times, and states stored before still readable. */
class BinStateJsonTest {

    static final Instant T0 = Instant.parse("2026-11-23T02:17:00.250Z");

    @Test
    void samplesAreStoredAsEpochMillisAndReadBackEqual() {
        BinState s = new BinState();
        s.fill = 42.5;
        s.fillAt = T0;
        s.samples.add(new BinState.Sample(T0, 40));
        s.samples.add(new BinState.Sample(T0.plusSeconds(300), 42.5));
        String json = Json.write(s);
        assertTrue(json.contains("{\"at\":" + T0.toEpochMilli() + ",\"fill\":40.0}"), json);
        // The bin's own times keep their ISO-8601 text; only the many samples are compact.
        assertTrue(json.contains("\"fillAt\":\"2026-11-23T02:17:00.250Z\""), json);
        assertFalse(json.contains("\"at\":\""), json);
        BinState back = Json.read(json, BinState.class);
        assertEquals(s.samples, back.samples);
        assertEquals(T0, back.fillAt);
    }

    @Test
    void statesStoredWithTextSampleTimesStillRead() {
        String stored = "{\"fill\":40.0,\"fillAt\":\"2026-11-23T02:17:00.250Z\",\"samples\":["
                + "{\"at\":\"2026-11-23T02:17:00.250Z\",\"fill\":40.0},{\"at\":\"2026-11-23T02:22:00.250Z\",\"fill\":42.5}]}";
        BinState s = Json.read(stored, BinState.class);
        assertEquals(List.of(new BinState.Sample(T0, 40), new BinState.Sample(T0.plusSeconds(300), 42.5)), s.samples);
    }
}
