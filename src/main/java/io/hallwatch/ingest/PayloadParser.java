package io.hallwatch.ingest;

import static io.hallwatch.ingest.RejectionReason.INVALID_VALUE;
import static io.hallwatch.ingest.RejectionReason.MISSING_FIELD;
import static io.hallwatch.ingest.RejectionReason.WRONG_TYPE;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.hallwatch.devices.DeviceKind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a payload into a {@link DeviceMessage} following contract section 2, or throws a
 * {@link MessageRejectedException} naming the first rule it breaks. Pure: the current time is passed in.
 * Unknown fields are ignored so that newer firmware can add fields.
 */
public final class PayloadParser {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
    private static final int MAX_CARD_LENGTH = 64;
    private static final Pattern RFC_3339 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");

    private final Duration maxFutureSkew;

    public PayloadParser(Duration maxFutureSkew) {
        this.maxFutureSkew = maxFutureSkew;
    }

    /** Parses a message on a topic already known to be well formed. */
    public DeviceMessage parse(DeviceTopic topic, byte[] payload, Instant now) {
        if (payload.length > Topics.MAX_PAYLOAD_BYTES) {
            throw new MessageRejectedException(RejectionReason.OVERSIZE, "payload is " + payload.length
                    + " bytes, at most " + Topics.MAX_PAYLOAD_BYTES + " are allowed");
        }
        if (topic.isStatus()) {
            return parseStatus(payload);
        }
        JsonNode root = readObject(payload);
        Instant ts = timestamp(root, now);
        Long seq = seq(root);
        Double battery = optionalPercent(root, "battery");
        return new DeviceMessage.Reading(ts, seq, battery, observation(topic.kind().orElseThrow(), root));
    }

    private static DeviceMessage.Status parseStatus(byte[] payload) {
        String text = new String(payload, StandardCharsets.UTF_8).trim();
        if (text.length() > 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1);
        }
        return switch (text) {
            case "online" -> new DeviceMessage.Status(true);
            case "offline" -> new DeviceMessage.Status(false);
            default -> throw new MessageRejectedException(INVALID_VALUE,
                    "status payload must be 'online' or 'offline', got '" + abbreviate(text) + "'");
        };
    }

    private static JsonNode readObject(byte[] payload) {
        JsonNode root;
        try {
            // Decode strictly first: Jackson would also take UTF-16 or UTF-32, which the contract does not.
            root = JSON.readTree(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload)).toString());
        } catch (IOException e) {
            throw new MessageRejectedException(RejectionReason.MALFORMED_JSON,
                    "payload is not valid UTF-8 JSON: " + firstLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new MessageRejectedException(RejectionReason.MALFORMED_JSON, "payload must be a JSON object");
        }
        return root;
    }

    private static DeviceMessage.Observation observation(DeviceKind kind, JsonNode root) {
        return switch (kind) {
            case PRESENCE -> new DeviceMessage.Presence(requiredBoolean(root, "occupied"));
            case SIGNAGE -> signage(root);
            case BIN -> new DeviceMessage.BinFill(requiredPercent(root, "fill"));
            case BADGE -> new DeviceMessage.Badge(card(root),
                    requiredEnum(root, "action", DeviceMessage.BadgeAction.class));
        };
    }

    private static DeviceMessage.Signage signage(JsonNode root) {
        DeviceMessage.SignState state = requiredEnum(root, "state", DeviceMessage.SignState.class);
        DeviceMessage.SignShowing showing = requiredEnum(root, "showing", DeviceMessage.SignShowing.class);
        String code = null;
        if (root.hasNonNull("code")) {
            JsonNode node = root.get("code");
            if (!node.isTextual()) {
                throw new MessageRejectedException(WRONG_TYPE, "code must be a string");
            }
            code = abbreviate(withoutControls("code", node.textValue()));
        }
        return new DeviceMessage.Signage(state, showing, code);
    }

    private Instant timestamp(JsonNode root, Instant now) {
        JsonNode node = required(root, "ts");
        Instant ts;
        if (node.isTextual()) {
            if (!RFC_3339.matcher(node.textValue()).matches()) {
                throw new MessageRejectedException(WRONG_TYPE, "ts '" + abbreviate(node.textValue())
                        + "' must be an RFC 3339 time with offset, such as 2026-11-23T09:02:11+08:00");
            }
            try {
                ts = OffsetDateTime.parse(node.textValue(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                throw new MessageRejectedException(WRONG_TYPE, "ts '" + abbreviate(node.textValue())
                        + "' must be an RFC 3339 time with offset, such as 2026-11-23T09:02:11+08:00");
            }
        } else if (node.isIntegralNumber() && node.canConvertToLong()) {
            if (node.longValue() < 0) {
                throw new MessageRejectedException(INVALID_VALUE, "ts must not be negative");
            }
            ts = Instant.ofEpochMilli(node.longValue());
        } else {
            throw new MessageRejectedException(WRONG_TYPE,
                    "ts must be an RFC 3339 string with offset or integer epoch milliseconds");
        }
        // Databases keep microseconds; a finer ts would not compare equal to itself after a round trip.
        ts = ts.truncatedTo(ChronoUnit.MICROS);
        if (ts.isAfter(now.plus(maxFutureSkew))) {
            throw new MessageRejectedException(RejectionReason.TS_IN_FUTURE, "ts " + ts + " is more than "
                    + maxFutureSkew.toSeconds() + " s ahead of the service clock (" + now + ")");
        }
        return ts;
    }

    private static Long seq(JsonNode root) {
        if (!root.has("seq")) {
            return null;
        }
        JsonNode node = root.get("seq");
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new MessageRejectedException(WRONG_TYPE, "seq must be an integer");
        }
        if (node.longValue() < 0) {
            throw new MessageRejectedException(INVALID_VALUE, "seq must be 0 or more");
        }
        return node.longValue();
    }

    private static String card(JsonNode root) {
        JsonNode node = required(root, "card");
        if (!node.isTextual()) {
            throw new MessageRejectedException(WRONG_TYPE, "card must be a string");
        }
        String card = withoutControls("card", node.textValue()).trim();
        if (card.isEmpty() || card.length() > MAX_CARD_LENGTH) {
            throw new MessageRejectedException(INVALID_VALUE, "card must be 1 to " + MAX_CARD_LENGTH + " characters");
        }
        return card.toUpperCase(Locale.ROOT);
    }

    private static String withoutControls(String field, String text) {
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw new MessageRejectedException(INVALID_VALUE, field + " must not contain control characters");
        }
        return text;
    }

    private static boolean requiredBoolean(JsonNode root, String field) {
        JsonNode node = required(root, field);
        if (!node.isBoolean()) {
            throw new MessageRejectedException(WRONG_TYPE, field + " must be true or false");
        }
        return node.booleanValue();
    }

    private static double requiredPercent(JsonNode root, String field) {
        return percent(required(root, field), field);
    }

    private static Double optionalPercent(JsonNode root, String field) {
        return root.has(field) ? percent(root.get(field), field) : null;
    }

    private static double percent(JsonNode node, String field) {
        if (!node.isNumber()) {
            throw new MessageRejectedException(WRONG_TYPE, field + " must be a number");
        }
        double value = node.doubleValue();
        if (!(value >= 0 && value <= 100)) {
            throw new MessageRejectedException(INVALID_VALUE, field + " must be between 0 and 100, got " + value);
        }
        return value;
    }

    private static <E extends Enum<E>> E requiredEnum(JsonNode root, String field, Class<E> type) {
        JsonNode node = required(root, field);
        if (!node.isTextual()) {
            throw new MessageRejectedException(WRONG_TYPE, field + " must be a string: one of " + allowed(type));
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().toLowerCase(Locale.ROOT).equals(node.textValue())) {
                return constant;
            }
        }
        throw new MessageRejectedException(INVALID_VALUE,
                field + " must be one of " + allowed(type) + ", got '" + abbreviate(node.textValue()) + "'");
    }

    private static String allowed(Class<? extends Enum<?>> type) {
        return String.join(", ", Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT)).toList());
    }

    private static JsonNode required(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw new MessageRejectedException(MISSING_FIELD, field + " is required");
        }
        return node;
    }

    private static String abbreviate(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "…";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
