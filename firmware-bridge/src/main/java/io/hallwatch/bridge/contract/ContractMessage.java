package io.hallwatch.bridge.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * One message on HallWatch's contract, ready to publish: a reading (a JSON object on
 * {@code hallwatch/v1/{hall}/{kind}/{device}}) or a retained {@code online}/{@code offline} status.
 *
 * @param device  the HallWatch device id, which is also the MQTT user name it publishes with
 * @param topic   the contract topic
 * @param payload the payload bytes (UTF-8)
 * @param retained whether the broker keeps it (status messages are retained)
 */
public record ContractMessage(String device, String topic, byte[] payload, boolean retained) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static ContractMessage reading(String hall, Kind kind, String device, ObjectNode payload) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
        if (bytes.length > Contract.MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("the payload has " + bytes.length + " bytes; the contract allows "
                    + Contract.MAX_PAYLOAD_BYTES);
        }
        return new ContractMessage(device, Contract.reading(hall, kind, device), bytes, false);
    }

    public static ContractMessage status(String hall, String device, boolean online) {
        String text = online ? Contract.ONLINE : Contract.OFFLINE;
        return new ContractMessage(device, Contract.status(hall, device), text.getBytes(StandardCharsets.UTF_8), true);
    }

    public String text() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
