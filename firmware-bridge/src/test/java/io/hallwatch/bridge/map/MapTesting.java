package io.hallwatch.bridge.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.hallwatch.bridge.contract.ContractMessage;
import io.hallwatch.bridge.contract.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Shared fixtures: bindings in hall {@code hall-1} (zone Asia/Shanghai), samples, and result checks. */
final class MapTesting {

    static final String HALL = "hall-1";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** When the bridge received the messages of a test: 09:05:00 in the hall. */
    static final Instant RECEIVED = Instant.parse("2026-11-23T01:05:00Z");
    static final String RECEIVED_TS = "2026-11-23T09:05:00+08:00";

    private MapTesting() {
    }

    static DeviceBinding binding(String profile, Kind kind, String device, String source, Map<String, Object> options) {
        return new DeviceBinding(profile, HALL, device, kind, source, options, ZONE);
    }

    static Router router(DeviceBinding... bindings) {
        return new Router(Profiles.shipped(), List.of(bindings));
    }

    /** The bytes of {@code src/test/resources/samples/<path>}, as recorded. */
    static byte[] sample(String path) {
        try (InputStream in = MapTesting.class.getResourceAsStream("/samples/" + path)) {
            if (in == null) {
                throw new IllegalStateException("no sample " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The one contract message of a result that must be mapped. */
    static ContractMessage mapped(MapResult result) {
        List<ContractMessage> messages = messages(result);
        assertEquals(1, messages.size());
        return messages.get(0);
    }

    /** The contract messages of a result that must be mapped without any device's part refused. */
    static List<ContractMessage> messages(MapResult result) {
        MapResult.Mapped mapped = assertInstanceOf(MapResult.Mapped.class, result, () -> "expected Mapped: " + result);
        assertEquals(List.of(), mapped.refusals());
        return mapped.messages();
    }

    /** Each message as "topic payload", for comparing the messages of one vendor message at once. */
    static List<String> lines(List<ContractMessage> messages) {
        return messages.stream().map(message -> message.topic() + " " + message.text()).toList();
    }

    /** Asserts the exact contract topic and payload of a mapped result. */
    static void assertReading(MapResult result, String topic, String json) {
        ContractMessage message = mapped(result);
        assertEquals(topic, message.topic());
        assertEquals(json, message.text());
        assertEquals(false, message.retained());
    }

    static void assertStatus(MapResult result, String topic, String word) {
        ContractMessage message = mapped(result);
        assertEquals(topic, message.topic());
        assertEquals(word, message.text());
        assertEquals(true, message.retained(), "status messages are retained");
    }

    /** The reason of a result that must be refused. */
    static String refused(MapResult result) {
        return assertInstanceOf(MapResult.Refused.class, result, () -> "expected Refused: " + result).reason();
    }

    /** The reason of a result that must be ignored. */
    static String ignored(MapResult result) {
        return assertInstanceOf(MapResult.Ignored.class, result, () -> "expected Ignored: " + result).reason();
    }
}
