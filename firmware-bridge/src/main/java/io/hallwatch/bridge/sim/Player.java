package io.hallwatch.bridge.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hallwatch.bridge.Log;
import io.hallwatch.bridge.contract.ContractMessage;
import io.hallwatch.bridge.mqtt.Broker;
import io.hallwatch.bridge.mqtt.Credentials;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * Plays planned steps over MQTT as the devices themselves: one connection per device, logged in
 * with its own credentials, each message stamped with {@code ts} and the device's next {@code seq}.
 * Each instant's messages are sent and acknowledged before the next instant is played.
 */
final class Player implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String hall;
    private final int qos;
    private final Map<String, MqttAsyncClient> clients = new LinkedHashMap<>();
    private final Map<String, Long> seq = new HashMap<>();
    private long published;
    private long failed;

    private Player(String hall, int qos) {
        this.hall = hall;
        this.qos = qos;
    }

    static Player connect(Broker broker, Credentials credentials, Layout layout, int qos) throws MqttException {
        Player player = new Player(layout.hall(), qos);
        List<String> missing = layout.devices().stream().filter(d -> credentials.of(d, broker).isEmpty()).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("--credentials has no password for " + missing.size() + " devices of "
                    + layout.hall() + " (" + String.join(", ", missing.subList(0, Math.min(5, missing.size())))
                    + "...): pass the file written when they were provisioned");
        }
        try {
            for (String device : layout.devices()) {
                player.clients.put(device, credentials.of(device, broker).orElseThrow().connect(device, TIMEOUT));
            }
        } catch (MqttException e) {
            player.close();
            throw e;
        }
        Log.info("%d devices of %s logged in to %s", player.clients.size(), layout.hall(), broker.url());
        return player;
    }

    /** Publishes one instant's steps; answers how many the broker acknowledged. */
    int play(List<Step> steps, Pacer pacer) {
        List<IMqttDeliveryToken> tokens = new ArrayList<>();
        for (Step step : steps) {
            ContractMessage message = message(step, pacer.ts(step.at()));
            try {
                tokens.add(clients.get(step.device()).publish(message.topic(), message.payload(), qos, message.retained()));
            } catch (MqttException e) {
                failed++;
                Log.warn("%s could not publish: %s", step.device(), e.getMessage());
            }
        }
        int acknowledged = 0;
        for (IMqttDeliveryToken token : tokens) {
            try {
                token.waitForCompletion(TIMEOUT.toMillis());
                acknowledged++;
            } catch (MqttException e) {
                failed++;
                Log.warn("a message was not acknowledged: %s", e.getMessage());
            }
        }
        published += acknowledged;
        return acknowledged;
    }

    private ContractMessage message(Step step, Instant ts) {
        if (step.kind() == null) {
            return ContractMessage.status(hall, step.device(), "online".equals(step.status()));
        }
        ObjectNode payload = step.fields().deepCopy();
        payload.put("ts", ts.toString());
        payload.put("seq", seq.merge(step.device(), 1L, Long::sum));
        return ContractMessage.reading(hall, step.kind(), step.device(), payload);
    }

    long published() {
        return published;
    }

    long failed() {
        return failed;
    }

    @Override
    public void close() {
        for (MqttAsyncClient client : clients.values()) {
            try {
                client.disconnect(2000).waitForCompletion(3000);
                client.close();
            } catch (MqttException e) {
                Log.warn("closing %s: %s", client.getClientId(), e.getMessage());
            }
        }
    }
}
