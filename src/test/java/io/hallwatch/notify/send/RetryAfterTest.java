package io.hallwatch.notify.send;

import static io.hallwatch.notify.send.Fixtures.CLOCK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Retry-After as delay seconds or as an HTTP-date, relative to the fixed clock (2025-03-04T05:06:07Z). */
class RetryAfterTest {

    @Test
    void delaySecondsAreReadAsSeconds() {
        assertEquals(Duration.ofSeconds(7), RetryAfter.parse("7", CLOCK));
    }

    @Test
    void httpDateIsReadAsTheTimeLeftUntilThen() {
        assertEquals(Duration.ofSeconds(120).minusMillis(89), RetryAfter.parse("Tue, 04 Mar 2025 05:08:07 GMT", CLOCK));
    }

    @Test
    void httpDateAlreadyPastMeansNoWait() {
        assertEquals(Duration.ZERO, RetryAfter.parse("Tue, 04 Mar 2025 05:00:00 GMT", CLOCK));
    }

    @Test
    void feishusOwnResetHeaderCountsWhenThereIsNoRetryAfter() {
        HttpHeaders feishu = HttpHeaders.of(Map.of("x-ogw-ratelimit-reset", List.of("12")), (k, v) -> true);
        assertEquals(Duration.ofSeconds(12), RetryAfter.of(feishu, CLOCK));
        HttpHeaders both = HttpHeaders.of(Map.of("Retry-After", List.of("3"), "x-ogw-ratelimit-reset", List.of("12")),
                (k, v) -> true);
        assertEquals(Duration.ofSeconds(3), RetryAfter.of(both, CLOCK));
        assertNull(RetryAfter.of(HttpHeaders.of(Map.of(), (k, v) -> true), CLOCK));
    }

    @Test
    void unreadableValueMeansTheChannelDidNotSay() {
        assertNull(RetryAfter.parse("soon", CLOCK));
        assertNull(RetryAfter.parse("-5", CLOCK));
        assertNull(RetryAfter.parse("99999999999999999999999", CLOCK));
    }
}
