package io.hallwatch.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;

/**
 * An InfluxDB 2.x as influxdb-client-java 7.5.0 sees it, in front of a test {@link InfluxDb1}: it takes
 * {@code POST /api/v2/write?org=&bucket=&precision=} with {@code Authorization: Token <token>} and a
 * line-protocol body (gzip-encoded when {@code Content-Encoding: gzip} says so), writes it to the 1.x
 * database named by the bucket, and answers as 2.x does: 204, or the 1.x error as
 * {@code {"code","message"}} with 400, 422 (partial writes, field type conflicts), 404 (no such
 * bucket) and so on (see {@link V2Write}). {@code GET /ping} and {@code GET /health} answer as 2.x.
 *
 * <p>For outage tests: {@link #stop()} closes the port (connection refused) and {@link #start()}
 * opens it again on the same port; {@link #unavailable(boolean)} makes writes answer 503 with
 * {@code Retry-After: 1}. It counts write requests, the points they carried and the points 1.x stored.
 */
public final class InfluxV2Adapter implements AutoCloseable {

    private static final String VERSION = "v2.7.0 (HallWatch test adapter over InfluxDB 1.x)";

    private final InfluxDb1 influx;
    private final String token;
    private final int port;
    private final AtomicBoolean unavailable = new AtomicBoolean();
    private final AtomicLong writeRequests = new AtomicLong();
    private final AtomicLong pointsReceived = new AtomicLong();
    private final AtomicLong pointsWritten = new AtomicLong();
    private HttpServer server;
    private ExecutorService workers;

    /** Starts on a free loopback port; writes must carry {@code Authorization: Token <token>}. */
    public InfluxV2Adapter(InfluxDb1 influx, String token) {
        this.influx = influx;
        this.token = token;
        this.port = open(0);
    }

    /** {@code http://127.0.0.1:<port>}, the URL to give the client. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public String token() {
        return token;
    }

    /** Closes the port and every open connection: clients get connection refused until {@link #start()}. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            workers.shutdownNow();
            server = null;
        }
    }

    /** Listens again on the same port (waiting at most 10 s for the port to be free again). */
    public synchronized void start() {
        if (server == null) {
            Awaitility.await("port " + port + " free again").atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(100))
                    .ignoreException(UncheckedIOException.class)
                    .until(() -> open(port) == port);
        }
    }

    /** While true, writes answer 503 with {@code Retry-After: 1} and {@code /health} fails. */
    public void unavailable(boolean on) {
        unavailable.set(on);
    }

    /** Write requests that reached the adapter, refused ones included. */
    public long writeRequests() {
        return writeRequests.get();
    }

    /** Points in the bodies of the authorised, readable write requests, the ones answered 503 included. */
    public long pointsReceived() {
        return pointsReceived.get();
    }

    /** Points in the requests InfluxDB 1.x accepted. */
    public long pointsWritten() {
        return pointsWritten.get();
    }

    public void resetCounts() {
        writeRequests.set(0);
        pointsReceived.set(0);
        pointsWritten.set(0);
    }

    @Override
    public void close() {
        stop();
    }

    private int open(int wanted) {
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), wanted), 0);
            created.createContext("/", this::route);
            workers = Executors.newCachedThreadPool();
            created.setExecutor(workers);
            created.start();
            server = created;
            return created.getAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + wanted, e);
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/api/v2/write") && method.equals("POST")) {
                write(exchange);
            } else if (path.equals("/ping") && (method.equals("GET") || method.equals("HEAD"))) {
                respond(exchange, new V2Write.Answer(204, ""));
            } else if (path.equals("/health") && method.equals("GET")) {
                respond(exchange, health());
            } else {
                respond(exchange, V2Write.error(404, "not found", "path not found"));
            }
        } finally {
            exchange.close();
        }
    }

    private void write(HttpExchange exchange) throws IOException {
        writeRequests.incrementAndGet();
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (!("Token " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, V2Write.error(401, "unauthorized", "unauthorized access"));
            return;
        }
        V2Write.Request request;
        try {
            request = V2Write.read(exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders().getFirst("Content-Encoding"), body);
        } catch (V2Write.RejectedWrite rejected) {
            respond(exchange, rejected.answer);
            return;
        }
        long points = V2Write.points(request.lineProtocol());
        pointsReceived.addAndGet(points);
        if (unavailable.get()) {
            exchange.getResponseHeaders().set("Retry-After", "1");
            respond(exchange, V2Write.error(503, "unavailable", "service unavailable (test switch)"));
            return;
        }
        respond(exchange, forward(request, points));
    }

    private V2Write.Answer forward(V2Write.Request request, long points) {
        try {
            HttpResponse<String> answer = influx.rawWrite(request.database(), request.retentionPolicy(),
                    request.precision(), request.lineProtocol());
            if (answer.statusCode() / 100 == 2) {
                pointsWritten.addAndGet(points);
            }
            return V2Write.answer(answer.statusCode(), answer.body());
        } catch (UncheckedIOException e) {
            return V2Write.error(503, "unavailable", "InfluxDB 1.x behind the adapter did not answer: " + e.getMessage());
        }
    }

    private V2Write.Answer health() {
        boolean pass = !unavailable.get() && influx.ping();
        String body = "{\"name\":\"influxdb\",\"message\":\"" + (pass ? "ready for queries and writes" : "not ready")
                + "\",\"status\":\"" + (pass ? "pass" : "fail") + "\",\"checks\":[],\"version\":\"" + VERSION + "\"}";
        return new V2Write.Answer(pass ? 200 : 503, body);
    }

    private static void respond(HttpExchange exchange, V2Write.Answer answer) throws IOException {
        exchange.getResponseHeaders().set("X-Influxdb-Build", "OSS");
        exchange.getResponseHeaders().set("X-Influxdb-Version", VERSION);
        if (answer.body().isEmpty()) {
            exchange.sendResponseHeaders(answer.status(), -1);
            return;
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
