package io.hallwatch.broker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallwatch.ingest.ControlChannel;
import io.hallwatch.ingest.MqttConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends commands to Mosquitto's dynamic-security plugin and waits for its answers: commands go to
 * {@code $CONTROL/dynamic-security/v1} as one message, each tagged with correlation data unique to
 * this service instance, and the answers come back on {@code .../response}, which every administrator
 * connection hears. A command whose answer carries an error it does not tolerate fails the call.
 */
@ApplicationScoped
public class DynSecClient {

    static final String TOPIC = "$CONTROL/dynamic-security/v1";
    static final String RESPONSE_TOPIC = TOPIC + "/response";

    /** One command's answer: its {@code data}, or null. */
    record Answer(String command, String error, JsonNode data) {
    }

    private final ObjectMapper json = new ObjectMapper();
    /** Tells this instance's answers from those to other administrators of the same broker. */
    private final String instance = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong requests = new AtomicLong();
    private final Map<String, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();

    @Inject
    MqttConfig config;

    private volatile ControlChannel channel;

    /** Connects (in the background) with the administrator login of {@code hallwatch.mqtt.dynsec}. */
    synchronized void open() {
        if (channel == null) {
            MqttConfig.DynSec dynsec = config.dynsec();
            channel = ControlChannel.open(config, dynsec.clientId(), dynsec.adminUsername().orElseThrow(),
                    dynsec.adminPassword().orElseThrow(), TOPIC, RESPONSE_TOPIC, this::answered);
        }
    }

    synchronized void close() {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }

    boolean isReady() {
        ControlChannel current = channel;
        return current != null && current.isReady();
    }

    /** Waits at most {@code timeout} for the connection; returns whether it is ready. */
    boolean awaitReady(Duration timeout) {
        ControlChannel current = channel;
        return current != null && current.awaitReady(timeout);
    }

    /**
     * Runs the commands in order (the plugin applies one message's commands one after the other) and
     * returns their answers.
     *
     * @throws DynSecException when the broker is not reachable, does not answer in time, or refuses a command
     */
    List<Answer> run(List<DynSecCommand> commands) {
        ControlChannel current = channel;
        if (current == null || !current.isReady()) {
            throw new DynSecException("not connected to the broker's " + TOPIC + " as "
                    + config.dynsec().adminUsername().orElse("?"));
        }
        String id = instance + "-" + requests.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        waiting.put(id, answer);
        try {
            current.send(request(id, commands), config.dynsec().timeout());
            return answers(commands, answer.get(config.dynsec().timeout().toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            throw new DynSecException("the broker did not answer " + commands + " within " + config.dynsec().timeout());
        } catch (ExecutionException | IllegalStateException e) {
            throw new DynSecException("sending " + commands + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DynSecException("interrupted while waiting for the broker");
        } finally {
            waiting.remove(id);
        }
    }

    /** The broker's description of the client of that name, or null when it has none. */
    JsonNode findClient(String username) {
        Answer found = run(List.of(DynSecCommands.getClient(username).tolerating("not found"))).get(0);
        return found.error() == null ? found.data().path("client") : null;
    }

    private byte[] request(String id, List<DynSecCommand> commands) {
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            Map<String, Object> body = new LinkedHashMap<>(commands.get(i).body());
            body.put("correlationData", id + "/" + i);
            bodies.add(body);
        }
        try {
            return json.writeValueAsBytes(Map.of("commands", bodies));
        } catch (IOException e) {
            throw new IllegalStateException("dynamic-security commands are plain maps", e);
        }
    }

    /** Pairs each command with its answer; an error it does not tolerate fails the whole call. */
    private static List<Answer> answers(List<DynSecCommand> commands, JsonNode responses) {
        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            JsonNode response = find(responses, i);
            String error = response == null ? "no answer" : response.path("error").asText(null);
            DynSecCommand command = commands.get(i);
            if (error != null && !command.tolerates(error)) {
                throw new DynSecException(command + ": " + error);
            }
            answers.add(new Answer(command.name(), error, response == null ? null : response.get("data")));
        }
        return answers;
    }

    private static JsonNode find(JsonNode responses, int index) {
        for (JsonNode response : responses) {
            String correlation = response.path("correlationData").asText("");
            if (correlation.endsWith("/" + index)) {
                return response;
            }
        }
        return null;
    }

    /** On Paho's thread: completes the request the answer belongs to, if it is this instance's. */
    private void answered(byte[] payload) {
        JsonNode responses;
        try {
            responses = json.readTree(payload).path("responses");
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        String correlation = responses.path(0).path("correlationData").asText("");
        int slash = correlation.lastIndexOf('/');
        CompletableFuture<JsonNode> request = slash < 0 ? null : waiting.get(correlation.substring(0, slash));
        if (request != null) {
            request.complete(responses);
        }
    }
}
