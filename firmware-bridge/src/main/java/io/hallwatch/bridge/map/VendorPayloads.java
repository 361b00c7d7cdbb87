package io.hallwatch.bridge.map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads vendor payload bytes: at most {@link #MAX_BYTES}, strict UTF-8, and JSON without duplicate
 * keys or trailing data, so that a value is never taken from an ambiguous message.
 */
final class VendorPayloads {

    /** Vendor messages are larger than contract ones (a TTS uplink lists every gateway that heard it). */
    static final int MAX_BYTES = 65_536;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private VendorPayloads() {
    }

    /** The payload as text; a refusal when it is too large or not UTF-8. */
    static String text(byte[] payload) {
        if (payload.length > MAX_BYTES) {
            throw new Refusal("the payload has " + payload.length + " bytes; the bridge reads vendor messages of at most "
                    + MAX_BYTES);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException e) {
            throw new Refusal("the payload is not UTF-8 text");
        }
    }

    /** The payload as JSON for the topic's format: null for text; a refusal when JSON is required and absent. */
    static JsonNode json(String text, PayloadFormat format) {
        if (format == PayloadFormat.TEXT) {
            return null;
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            if (format == PayloadFormat.AUTO) {
                return null;
            }
            throw new Refusal("the payload is not valid JSON: " + brief(e));
        }
        if (format == PayloadFormat.JSON && (tree == null || !tree.isObject())) {
            throw new Refusal("the payload is JSON but not an object: " + new Found("", tree == null ? JSON.nullNode() : tree).shown());
        }
        return tree;
    }

    private static String brief(JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage());
        for (String cut : new String[] {"\n", " (start marker", " at [Source"}) {
            int at = message.indexOf(cut);
            message = at < 0 ? message : message.substring(0, at);
        }
        if (message.length() > 120) {
            message = message.substring(0, 117) + "...";
        }
        JsonLocation location = e.getLocation();
        return location == null ? message : message + " (line " + location.getLineNr() + ", column "
                + location.getColumnNr() + ")";
    }
}
