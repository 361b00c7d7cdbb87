package io.hallwatch.bridge.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A small client of HallWatch's REST API (contract, sections 4 and 5) with HTTP Basic
 * authentication. Every call answers a {@link Reply}; only transport failures throw.
 */
public final class ServiceApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public ServiceApi(String baseUrl, String username, String password) {
        String trimmed = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        if (!trimmed.startsWith("http://") && !trimmed.startsWith("https://")) {
            throw new IllegalArgumentException("API URL '" + baseUrl + "' must start with http:// or https://");
        }
        this.base = URI.create(trimmed);
        this.authorization = username == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The answer to one call: its status and its JSON body (a missing node when it had none). */
    public record Reply(int status, JsonNode body) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The problem's {@code detail}, or the status when the body says nothing. */
        public String problem() {
            String detail = body.path("detail").asText("");
            return detail.isEmpty() ? "HTTP " + status : "HTTP " + status + ": " + detail;
        }
    }

    public Reply get(String path) throws IOException {
        return send(request(path).GET());
    }

    public Reply post(String path, Object body) throws IOException {
        return send(request(path).POST(json(body)).header("Content-Type", "application/json"));
    }

    public Reply put(String path, Object body) throws IOException {
        return send(request(path).PUT(json(body)).header("Content-Type", "application/json"));
    }

    public Reply postText(String path, String contentType, String body) throws IOException {
        return send(request(path).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", contentType));
    }

    /** As {@link #postText(String, String, String)}, waiting up to {@code timeout} for the answer (bulk calls take long). */
    public Reply postText(String path, String contentType, String body, Duration timeout) throws IOException {
        return send(request(path).timeout(timeout).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", contentType));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60)).header("Accept", "application/json");
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private static HttpRequest.BodyPublisher json(Object body) throws IOException {
        return HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
    }

    private Reply send(HttpRequest.Builder builder) throws IOException {
        HttpRequest request = builder.build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling " + request.uri(), e);
        }
        JsonNode body = MissingNode.getInstance();
        if (response.body().length > 0) {
            try {
                body = JSON.readTree(response.body());
            } catch (IOException notJson) {
                body = JSON.createObjectNode().put("detail", new String(response.body(), StandardCharsets.UTF_8));
            }
        }
        return new Reply(response.statusCode(), body);
    }
}
