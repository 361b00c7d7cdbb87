package io.hallwatch.support;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A local HTTP endpoint for tests of what the service sends out (notification channels): records every request (method, raw path and query, headers,
 * body bytes) and answers each with the next scripted answer, or with the default one. It records
 * before it answers, so a request is visible as soon as the sender's call returns.
 */
public final class HttpReceiver implements AutoCloseable {

    /** One scripted answer; {@code hold}, when set, delays it until the latch opens (at most 10 s). */
    public record Answer(int status, String body, Map<String, String> headers, CountDownLatch hold) {
    }

    /** One request as it arrived. */
    public record Request(String method, String pathAndQuery, Headers headers, byte[] bodyBytes) {

        public String body() {
            return new String(bodyBytes, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.getFirst(name);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Queue<Answer> script = new ConcurrentLinkedQueue<>();
    private final Answer fallback;

    public HttpReceiver(int status, String body) throws IOException {
        this.fallback = new Answer(status, body, Map.of(), null);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public HttpReceiver then(int status, String body, Map<String, String> headers) {
        script.add(new Answer(status, body, headers, null));
        return this;
    }

    public HttpReceiver thenHeldUntil(CountDownLatch hold) {
        script.add(new Answer(200, "{}", Map.of(), hold));
        return this;
    }

    public URI url(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
    }

    public List<Request> requests() {
        return requests;
    }

    public Request only() {
        if (requests.size() != 1) {
            throw new AssertionError("expected exactly one request, got " + requests.size());
        }
        return requests.get(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        String pathAndQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        byte[] body = exchange.getRequestBody().readAllBytes();
        requests.add(new Request(exchange.getRequestMethod(), pathAndQuery, exchange.getRequestHeaders(), body));
        Answer answer = script.isEmpty() ? fallback : script.poll();
        awaitHold(answer);
        answer.headers().forEach(exchange.getResponseHeaders()::add);
        byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
        try (OutputStream stream = exchange.getResponseBody()) {
            stream.write(out);
        }
    }

    private static void awaitHold(Answer answer) {
        if (answer.hold() == null) {
            return;
        }
        try {
            answer.hold().await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
