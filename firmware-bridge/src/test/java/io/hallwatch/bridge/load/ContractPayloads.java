package io.hallwatch.bridge.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallwatch.bridge.contract.Contract;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The contract's rules for readings (section 2 and the service's contract notes), written out
 * independently of the code under test: what is wrong with a message, or nothing.
 */
final class ContractPayloads {

    static final Pattern TOPIC = Pattern.compile("hallwatch/v1/([A-Za-z0-9_-]{1,64})/(presence|signage|bin|badge)/([A-Za-z0-9_-]{1,64})");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long FIVE_MINUTES = 300_000;

    private ContractPayloads() {
    }

    /** The problems of one message; empty when it keeps the contract. */
    static List<String> problems(String topic, byte[] payload, long nowMillis) {
        List<String> problems = new ArrayList<>();
        Matcher m = TOPIC.matcher(topic);
        if (!m.matches()) {
            return List.of("not a contract reading topic: " + topic);
        }
        if (payload.length > Contract.MAX_PAYLOAD_BYTES) {
            problems.add("oversize");
        }
        JsonNode body;
        try {
            body = JSON.readTree(payload);
        } catch (IOException e) {
            return List.of("malformed JSON: " + e.getMessage());
        }
        if (body == null || !body.isObject()) {
            return List.of("not a JSON object");
        }
        common(body, nowMillis, problems);
        byKind(m.group(2), body, problems);
        return problems;
    }

    static String device(String topic) {
        Matcher m = TOPIC.matcher(topic);
        return m.matches() ? m.group(3) : null;
    }

    private static void common(JsonNode body, long nowMillis, List<String> problems) {
        JsonNode ts = body.path("ts");
        if (!ts.isIntegralNumber() || ts.asLong() < 0 || ts.asLong() > nowMillis + FIVE_MINUTES) {
            problems.add("ts must be epoch millis, not in the future: " + ts);
        }
        if (!body.path("seq").isIntegralNumber() || body.path("seq").asLong() < 0) {
            problems.add("seq must be an integer >= 0: " + body.path("seq"));
        }
        if (body.has("battery") && !inRange(body.path("battery"), 0, 100)) {
            problems.add("battery out of 0..100: " + body.path("battery"));
        }
    }

    private static void byKind(String kind, JsonNode body, List<String> problems) {
        switch (kind) {
            case "presence" -> require(body.path("occupied").isBoolean(), "occupied must be a boolean", problems);
            case "bin" -> require(inRange(body.path("fill"), 0, 100), "fill must be a number 0..100: " + body.path("fill"), problems);
            case "signage" -> {
                require(oneOf(body.path("state"), Set.of("ok", "fault", "blank")), "bad state " + body.path("state"), problems);
                require(oneOf(body.path("showing"), Set.of("open", "paused", "closed")), "bad showing " + body.path("showing"), problems);
                require(!body.has("code") || body.path("code").isTextual(), "code must be a string", problems);
            }
            default -> {
                require(body.path("card").isTextual() && !body.path("card").asText().isBlank(), "card must be a string", problems);
                require(oneOf(body.path("action"), Set.of("in", "out")), "bad action " + body.path("action"), problems);
            }
        }
        Iterator<String> names = body.fieldNames();
        names.forEachRemaining(name -> {
            if (!Set.of("ts", "seq", "battery", "occupied", "fill", "state", "showing", "code", "card", "action").contains(name)) {
                problems.add("a field no kind has: " + name);
            }
        });
    }

    private static boolean inRange(JsonNode number, double min, double max) {
        return number.isNumber() && number.asDouble() >= min && number.asDouble() <= max;
    }

    private static boolean oneOf(JsonNode text, Set<String> allowed) {
        return text.isTextual() && allowed.contains(text.asText());
    }

    private static void require(boolean ok, String problem, List<String> problems) {
        if (!ok) {
            problems.add(problem);
        }
    }
}
