package io.hallwatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallwatch.devices.DeviceKind;
import io.hallwatch.ingest.DeviceMessage.BadgeAction;
import io.hallwatch.ingest.DeviceMessage.Reading;
import io.hallwatch.ingest.DeviceMessage.SignShowing;
import io.hallwatch.ingest.DeviceMessage.SignState;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every row of the contract's payload table (section 2), accepted and rejected. */
class PayloadParserTest {

    private static final Instant NOW = Instant.parse("2026-11-23T02:30:00Z");
    private final PayloadParser parser = new PayloadParser(Duration.ofMinutes(5));

    private DeviceMessage parse(String kind, String json) {
        DeviceTopic topic = DeviceTopic.parse("hallwatch/v1/hall-1/" + kind + "/dev-1");
        return parser.parse(topic, json.getBytes(StandardCharsets.UTF_8), NOW);
    }

    private RejectionReason rejection(String kind, String json) {
        return assertThrows(MessageRejectedException.class, () -> parse(kind, json)).reason();
    }

    @Test
    void acceptsTheContractPresenceExample() {
        Reading reading = (Reading) parse("presence", "{\"ts\":\"2026-11-23T09:02:11+08:00\",\"occupied\":false,\"seq\":812}");
        assertEquals(Instant.parse("2026-11-23T01:02:11Z"), reading.ts());
        assertEquals(812L, reading.seq());
        assertNull(reading.battery());
        assertEquals(new DeviceMessage.Presence(false), reading.observation());
    }

    @Test
    void acceptsTheContractSignageExampleWithEpochMillis() {
        Reading reading = (Reading) parse("signage", "{\"ts\":1763859731000,\"state\":\"ok\",\"showing\":\"paused\"}");
        assertEquals(Instant.ofEpochMilli(1763859731000L), reading.ts());
        assertEquals(new DeviceMessage.Signage(SignState.OK, SignShowing.PAUSED, null), reading.observation());
    }

    @Test
    void acceptsTheContractBinExample() {
        Reading reading = (Reading) parse("bin", "{\"ts\":\"2026-11-23T10:15:00+08:00\",\"fill\":71.5}");
        assertEquals(new DeviceMessage.BinFill(71.5), reading.observation());
    }

    @Test
    void acceptsTheContractBadgeExampleAndNormalisesTheCard() {
        Reading reading = (Reading) parse("badge", "{\"ts\":\"2026-11-23T08:41:03+08:00\",\"card\":\" 04a1b2c3 \",\"action\":\"in\"}");
        assertEquals(new DeviceMessage.Badge("04A1B2C3", BadgeAction.IN), reading.observation());
        assertEquals(DeviceKind.BADGE, reading.observation().kind());
    }

    @Test
    void acceptsBatteryAndVendorFaultCodeAndIgnoresUnknownFields() {
        Reading reading = (Reading) parse("signage",
                "{\"ts\":\"2026-11-23T02:00:00Z\",\"state\":\"fault\",\"showing\":\"closed\",\"code\":\"E42\","
                + "\"battery\":55.5,\"fw\":\"2.1\"}");
        assertEquals(55.5, reading.battery());
        assertEquals(new DeviceMessage.Signage(SignState.FAULT, SignShowing.CLOSED, "E42"), reading.observation());
    }

    @Test
    void acceptsTimestampsUpToFiveMinutesAhead() {
        Reading reading = (Reading) parse("bin", "{\"ts\":\"2026-11-23T02:35:00Z\",\"fill\":1}");
        assertEquals(NOW.plusSeconds(300), reading.ts());
    }

    @Test
    void acceptsStatusStringsOnlineAndOffline() {
        assertEquals(new DeviceMessage.Status(true), parse("status", "online"));
        assertEquals(new DeviceMessage.Status(false), parse("status", "offline"));
        assertEquals(new DeviceMessage.Status(false), parse("status", "\"offline\"\n"));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "presence | {\"ts\":\"2026-11-23T09:02:11+08:00\",\"occupied\":false | MALFORMED_JSON",
        "presence | [1,2] | MALFORMED_JSON",
        "presence | {\"ts\":1,\"occupied\":true} trailing | MALFORMED_JSON",
        "presence | {\"ts\":1,\"ts\":2,\"occupied\":true} | MALFORMED_JSON",
        "presence | {\"occupied\":true} | MISSING_FIELD",
        "presence | {\"ts\":null,\"occupied\":true} | MISSING_FIELD",
        "presence | {\"ts\":\"2026-11-23T09:02:11\",\"occupied\":true} | WRONG_TYPE",
        "presence | {\"ts\":\"yesterday\",\"occupied\":true} | WRONG_TYPE",
        "presence | {\"ts\":1.5,\"occupied\":true} | WRONG_TYPE",
        "presence | {\"ts\":true,\"occupied\":true} | WRONG_TYPE",
        "presence | {\"ts\":-1,\"occupied\":true} | INVALID_VALUE",
        "presence | {\"ts\":\"2026-11-23T02:35:01Z\",\"occupied\":true} | TS_IN_FUTURE",
        "presence | {\"ts\":1,\"occupied\":\"yes\"} | WRONG_TYPE",
        "presence | {\"ts\":1} | MISSING_FIELD",
        "presence | {\"ts\":1,\"occupied\":true,\"seq\":-3} | INVALID_VALUE",
        "presence | {\"ts\":1,\"occupied\":true,\"seq\":\"7\"} | WRONG_TYPE",
        "presence | {\"ts\":1,\"occupied\":true,\"seq\":7.5} | WRONG_TYPE",
        "presence | {\"ts\":1,\"occupied\":true,\"battery\":101} | INVALID_VALUE",
        "presence | {\"ts\":1,\"occupied\":true,\"battery\":\"full\"} | WRONG_TYPE",
        "signage  | {\"ts\":1,\"showing\":\"open\"} | MISSING_FIELD",
        "signage  | {\"ts\":1,\"state\":\"broken\",\"showing\":\"open\"} | INVALID_VALUE",
        "signage  | {\"ts\":1,\"state\":\"ok\"} | MISSING_FIELD",
        "signage  | {\"ts\":1,\"state\":\"blank\"} | MISSING_FIELD",
        "signage  | {\"ts\":1,\"state\":\"fault\",\"showing\":\"open\",\"code\":\"E\\u0000\"} | INVALID_VALUE",
        "presence | {\"ts\":\"2026-11-23T09:02+08:00\",\"occupied\":true} | WRONG_TYPE",
        "badge    | {\"ts\":1,\"card\":\"04\\u0000A1\",\"action\":\"in\"} | INVALID_VALUE",
        "signage  | {\"ts\":1,\"state\":\"ok\",\"showing\":\"OPEN\"} | INVALID_VALUE",
        "signage  | {\"ts\":1,\"state\":\"ok\",\"showing\":1} | WRONG_TYPE",
        "signage  | {\"ts\":1,\"state\":\"fault\",\"showing\":\"closed\",\"code\":42} | WRONG_TYPE",
        "bin      | {\"ts\":1} | MISSING_FIELD",
        "bin      | {\"ts\":1,\"fill\":\"71.5\"} | WRONG_TYPE",
        "bin      | {\"ts\":1,\"fill\":100.1} | INVALID_VALUE",
        "bin      | {\"ts\":1,\"fill\":-0.5} | INVALID_VALUE",
        "badge    | {\"ts\":1,\"action\":\"in\"} | MISSING_FIELD",
        "badge    | {\"ts\":1,\"card\":12345,\"action\":\"in\"} | WRONG_TYPE",
        "badge    | {\"ts\":1,\"card\":\"  \",\"action\":\"in\"} | INVALID_VALUE",
        "badge    | {\"ts\":1,\"card\":\"04A1\"} | MISSING_FIELD",
        "badge    | {\"ts\":1,\"card\":\"04A1\",\"action\":\"enter\"} | INVALID_VALUE",
        "status   | maybe | INVALID_VALUE",
        "status   | {\"state\":\"online\"} | INVALID_VALUE",
    })
    void rejectsPayloadsThatBreakTheContract(String kind, String json, RejectionReason reason) {
        assertEquals(reason, rejection(kind.trim(), json));
    }

    @Test
    void rejectsPayloadsOverFourKibibytes() {
        String padding = "x".repeat(Topics.MAX_PAYLOAD_BYTES);
        assertEquals(RejectionReason.OVERSIZE, rejection("bin", "{\"ts\":1,\"fill\":1,\"pad\":\"" + padding + "\"}"));
    }

    @Test
    void acceptsAPayloadOfExactlyFourKibibytes() {
        String head = "{\"ts\":1,\"fill\":1,\"pad\":\"";
        String padding = "x".repeat(Topics.MAX_PAYLOAD_BYTES - head.length() - 2);
        assertTrue(parse("bin", head + padding + "\"}") instanceof Reading);
    }

    @Test
    void rejectsInvalidUtf8AsMalformedJson() {
        DeviceTopic topic = DeviceTopic.parse("hallwatch/v1/hall-1/bin/dev-1");
        byte[] payload = {'{', '"', 't', 's', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        MessageRejectedException e = assertThrows(MessageRejectedException.class,
                () -> parser.parse(topic, payload, NOW));
        assertEquals(RejectionReason.MALFORMED_JSON, e.reason());
    }

    @Test
    void rejectsUtf16EvenThoughItIsValidJson() {
        DeviceTopic topic = DeviceTopic.parse("hallwatch/v1/hall-1/bin/dev-1");
        byte[] payload = "{\"ts\":1,\"fill\":1}".getBytes(StandardCharsets.UTF_16LE);
        MessageRejectedException e = assertThrows(MessageRejectedException.class,
                () -> parser.parse(topic, payload, NOW));
        assertEquals(RejectionReason.MALFORMED_JSON, e.reason());
    }

    @Test
    void rejectionDetailNamesTheField() {
        MessageRejectedException e = assertThrows(MessageRejectedException.class,
                () -> parse("bin", "{\"ts\":1,\"fill\":\"71.5\"}"));
        assertTrue(e.detail().contains("fill"), e.detail());
        assertEquals(Optional.of(DeviceKind.BIN), DeviceTopic.parse("hallwatch/v1/h/bin/d").kind());
    }
}
