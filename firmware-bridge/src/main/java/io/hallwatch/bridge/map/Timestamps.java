package io.hallwatch.bridge.map;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Vendor timestamps to the contract's {@code ts}. Every {@code ts} is written as RFC 3339 with
 * seconds and the offset of the binding's zone, whatever the vendor wrote, so that one hall's
 * readings read alike. A time that cannot be read is refused; a time before 2000 is read but counts
 * as no time at all ({@link #isClockSet}): it comes from a device whose clock was never set (Tasmota
 * without NTP reports 1970), whose readings are still worth having at the time they arrive.
 */
final class Timestamps {

    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    /** RFC 3339 has four-digit years. */
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    /** Below this an epoch number is far more likely seconds than milliseconds (1973 in ms). */
    private static final long SMALLEST_PLAUSIBLE_MS = 100_000_000_000L;

    private Timestamps() {
    }

    static String write(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone).toOffsetDateTime());
    }

    /** The instant of a vendor timestamp; a refusal saying what was wrong otherwise. */
    static Instant read(Found found, TimeFormat format, ZoneId zone) {
        Instant instant;
        try {
            instant = parse(found, format, zone);
        } catch (DateTimeException | ArithmeticException e) {
            instant = null;
        }
        if (instant == null || instant.isAfter(LATEST)) {
            throw new Refusal("ts: " + found.where() + " is " + found.shown() + ", not a time ("
                    + format.description() + ")");
        }
        return instant;
    }

    /** Whether a device time is plausible: not before 2000, which only a clock never set reports. */
    static boolean isClockSet(Instant instant) {
        return !instant.isBefore(EARLIEST);
    }

    private static Instant parse(Found found, TimeFormat format, ZoneId zone) {
        boolean text = found.value().isTextual();
        switch (format) {
            case RFC3339:
                return OffsetDateTime.parse(requireText(found)).toInstant();
            case LOCAL:
                return fromText(requireText(found), zone);
            case EPOCH_MS:
                return Instant.ofEpochMilli(epoch(found).longValueExact());
            case EPOCH_S:
                return Instant.ofEpochMilli(epoch(found).movePointRight(3).setScale(0, RoundingMode.HALF_UP)
                        .longValueExact());
            default:
                return text ? fromText(found.value().textValue(), zone) : plausibleMillis(found);
        }
    }

    private static Instant fromText(String text, ZoneId zone) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            return LocalDateTime.parse(text).atZone(zone).toInstant();
        }
    }

    private static Instant plausibleMillis(Found found) {
        long millis = epoch(found).longValueExact();
        if (millis >= 0 && millis < SMALLEST_PLAUSIBLE_MS) {
            throw new Refusal("ts: " + found.where() + " is " + found.shown()
                    + ", which looks like epoch seconds: give the field format: epoch-s");
        }
        return Instant.ofEpochMilli(millis);
    }

    private static String requireText(Found found) {
        if (!found.value().isTextual()) {
            throw new DateTimeException("not text");
        }
        return found.value().textValue().trim();
    }

    private static BigDecimal epoch(Found found) {
        BigDecimal value = Numbers.decimal(found, ContractField.TS.wire());
        if (value == null || value.signum() < 0) {
            throw new DateTimeException("not an epoch number");
        }
        return value;
    }
}
