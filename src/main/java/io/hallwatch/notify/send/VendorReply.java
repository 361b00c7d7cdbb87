package io.hallwatch.notify.send;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallwatch.platform.Json;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Reads the JSON a chat vendor answers with, which carries a result code even on HTTP 200: code 0 on
 * a 2xx is delivered; a code the vendor uses for its rate limit is retried after {@link #BACKOFF}; any
 * other code is rejected. A 2xx without the vendor's JSON is retried, as it more likely comes from a
 * proxy or an outage than from the vendor; any other status without it is rejected.
 */
final class VendorReply {

    /** The chat vendors' rate limits are per minute and they do not say when the window ends. */
    static final Duration BACKOFF = Duration.ofSeconds(60);

    /** The names of a result code field and of the message field that goes with it. */
    record Fields(String code, String message) {
    }

    private record Answer(String field, int code, String message) {

        String describe() {
            return field + " " + code + (message.isEmpty() ? "" : ": " + message);
        }
    }

    private final String vendor;
    private final Set<Integer> throttleCodes;
    private final List<Fields> fields;

    /** {@code fields} in order of preference: the first code field present in the answer is read. */
    VendorReply(String vendor, Set<Integer> throttleCodes, Fields... fields) {
        this.vendor = vendor;
        this.throttleCodes = Set.copyOf(throttleCodes);
        this.fields = List.of(fields);
    }

    SendResult read(Reply reply) {
        Answer answer = parse(reply.body());
        if (answer == null) {
            return reply.ok()
                    ? SendResult.retry(null, reply.statusText() + ", not a " + vendor + " answer")
                    : SendResult.rejected(reply.statusText());
        }
        String detail = reply.statusText() + ", " + answer.describe();
        if (answer.code() == 0) {
            return reply.ok() ? SendResult.delivered(detail) : SendResult.rejected(detail);
        }
        return throttleCodes.contains(answer.code()) ? SendResult.retry(BACKOFF, detail) : SendResult.rejected(detail);
    }

    private Answer parse(String body) {
        JsonNode node;
        try {
            node = Json.read(body, JsonNode.class);
        } catch (RuntimeException e) {
            // Whatever fails to read as JSON is not the vendor's answer; read() decides what that means.
            return null;
        }
        for (Fields pair : fields) {
            JsonNode code = node == null ? null : node.get(pair.code());
            if (code != null && code.isIntegralNumber() && code.canConvertToInt()) {
                return new Answer(pair.code(), code.intValue(), node.path(pair.message()).asText(""));
            }
        }
        return null;
    }
}
