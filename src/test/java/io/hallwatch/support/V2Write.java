package io.hallwatch.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * How {@link InfluxV2Adapter} reads an InfluxDB 2.x write request and answers it: pure functions,
 * from the v2 request (query string, {@code Content-Encoding}, body) to the 1.x {@code /write}
 * parameters, and from a 1.x answer back to the status and JSON error body a 2.x server gives.
 */
final class V2Write {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One write as 1.x takes it: database, retention policy (empty for the default), precision, body. */
    record Request(String database, String retentionPolicy, String precision, String lineProtocol) {
    }

    /** What a v2 server would answer: a status and, for errors, {@code {"code","message"}}. */
    record Answer(int status, String body) {
    }

    private V2Write() {
    }

    /**
     * Reads a {@code POST /api/v2/write}: {@code bucket} (required; {@code db/rp} names a retention
     * policy as on 1.8), {@code org} (required, not used), {@code precision} ({@code ns} by default,
     * also {@code us}, {@code ms}, {@code s}). The error, when there is one, is the v2 answer.
     */
    static Request read(String rawQuery, String contentEncoding, byte[] body) throws RejectedWrite {
        Map<String, String> query = parseQuery(rawQuery);
        String bucket = query.getOrDefault("bucket", "");
        if (bucket.isBlank()) {
            throw new RejectedWrite(error(400, "invalid", "bucket is required"));
        }
        if (query.getOrDefault("org", query.getOrDefault("orgID", "")).isBlank()) {
            throw new RejectedWrite(error(400, "invalid", "organization is required"));
        }
        String precision = precision(query.getOrDefault("precision", "ns"))
                .orElseThrow(() -> new RejectedWrite(error(400, "invalid", "invalid precision " + query.get("precision"))));
        int slash = bucket.indexOf('/');
        String database = slash < 0 ? bucket : bucket.substring(0, slash);
        String retentionPolicy = slash < 0 ? "" : bucket.substring(slash + 1);
        return new Request(database, retentionPolicy, precision, decode(contentEncoding, body));
    }

    /** The 1.x name of a v2 precision: 1.x reads {@code us} and {@code ns} as nanoseconds, so they are renamed. */
    static Optional<String> precision(String v2) {
        return Optional.ofNullable(switch (v2) {
            case "ns" -> "n";
            case "us" -> "u";
            case "ms" -> "ms";
            case "s" -> "s";
            default -> null;
        });
    }

    /**
     * The v2 answer to a 1.x {@code /write} answer. 1.x answers 400 both for line protocol it cannot
     * parse and for points it parsed but would not store (a field type conflict, a point outside the
     * retention policy: "partial write"); 2.x answers 422 for the latter.
     */
    static Answer answer(int status, String body) {
        if (status / 100 == 2) {
            return new Answer(204, "");
        }
        String message = errorMessage(body);
        if (status == 400 && (message.contains("partial write") || message.contains("field type conflict"))) {
            return error(422, "unprocessable entity", message);
        }
        return switch (status) {
            case 400 -> error(400, "invalid", message);
            case 401 -> error(401, "unauthorized", message);
            case 403 -> error(403, "forbidden", message);
            case 404 -> error(404, "not found", message);
            case 413 -> error(413, "request too large", message);
            case 503 -> error(503, "unavailable", message);
            default -> error(status, "internal error", message);
        };
    }

    static Answer error(int status, String code, String message) {
        ObjectNode body = JSON.createObjectNode().put("code", code).put("message", message);
        return new Answer(status, body.toString());
    }

    /** Points in a line-protocol body: lines that are neither blank nor comments. */
    static long points(String lineProtocol) {
        return lineProtocol.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).count();
    }

    private static String decode(String contentEncoding, byte[] body) throws RejectedWrite {
        String encoding = contentEncoding == null ? "identity" : contentEncoding.strip().toLowerCase();
        if (encoding.equals("identity")) {
            return new String(body, StandardCharsets.UTF_8);
        }
        if (!encoding.equals("gzip")) {
            throw new RejectedWrite(error(415, "unsupported media type",
                    "Content-Encoding " + contentEncoding + " is not supported"));
        }
        try (InputStream gzip = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(gzip.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RejectedWrite(error(400, "invalid", "gzip body cannot be read: " + e.getMessage()));
        }
    }

    private static String errorMessage(String body) {
        try {
            return JSON.readTree(body).path("error").asText(body);
        } catch (IOException e) {
            return body;
        }
    }

    private static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> query = new HashMap<>();
        if (rawQuery == null) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            query.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return query;
    }

    /** A write refused before it reaches 1.x, with the v2 answer to give. */
    static final class RejectedWrite extends Exception {

        final transient Answer answer;

        RejectedWrite(Answer answer) {
            super(answer.body(), null, false, false);
            this.answer = answer;
        }
    }
}
