package io.hallwatch.notify.send;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads an HTTP {@code Retry-After} header (RFC 9110, section 10.2.3), which is either a number of
 * seconds or an HTTP-date. Absent or unreadable values give null, meaning "the channel did not say";
 * a date already past gives zero.
 */
final class RetryAfter {

    private RetryAfter() {
    }

    static Duration of(HttpHeaders headers, Clock clock) {
        // Feishu says when its rate limit resets in its own header, in seconds, instead of Retry-After.
        return headers.firstValue("Retry-After").or(() -> headers.firstValue(FEISHU_RESET))
                .map(value -> parse(value.trim(), clock)).orElse(null);
    }

    static final String FEISHU_RESET = "x-ogw-ratelimit-reset";

    static Duration parse(String value, Clock clock) {
        if (isDigits(value)) {
            return seconds(value);
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(clock.instant(), at);
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean isDigits(String value) {
        return !value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static Duration seconds(String digits) {
        try {
            return Duration.ofSeconds(Long.parseLong(digits));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
