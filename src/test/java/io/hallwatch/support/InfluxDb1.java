package io.hallwatch.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * A real InfluxDB 1.x ({@code influxd} of Debian's {@code influxdb} package) run by the tests: its own
 * process with its meta, data and WAL in a temporary directory, HTTP and RPC on free loopback ports,
 * no auth, no usage reporting, no {@code _internal} monitoring, and quiet logs (kept in
 * {@code influxd.log} in that directory and shown when it fails to start). It also ends when the JVM
 * that started it ends, however that ends (see {@link InfluxdConfig#command}).
 *
 * <p>Test classes share one instance per JVM through {@link #shared()} (one per class loader, strictly:
 * Quarkus' test class loading can make that two): started on first use, with database
 * {@link #DATABASE} created, and stopped by a shutdown hook. A class that needs a clean slate
 * creates and drops its own database ({@link #createDatabase}, {@link #dropDatabase}). Classes guard
 * themselves with {@code @ExtendWith(InfluxdAvailable.class)}, which skips them where {@code influxd} is
 * not installed. {@link #start()} gives a private instance that the caller stops.
 */
public final class InfluxDb1 implements AutoCloseable {

    /** The binary; {@code HALLWATCH_INFLUXD} overrides it. */
    public static final Path INFLUXD = Path.of(env("HALLWATCH_INFLUXD", "/usr/bin/influxd"));
    /** The database {@link #shared()} creates and the one-argument methods use. */
    public static final String DATABASE = "hallwatch_test";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static InfluxDb1 shared;

    private final Path dir;
    private final Process process;
    private final int httpPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private InfluxDb1(Path dir, Process process, int httpPort) {
        this.dir = dir;
        this.process = process;
        this.httpPort = httpPort;
    }

    /** The instance of this JVM, started (with {@link #DATABASE}) on the first call. */
    public static synchronized InfluxDb1 shared() {
        if (shared == null) {
            InfluxDb1 started = start();
            started.createDatabase(DATABASE);
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "influxd-stop"));
            shared = started;
        }
        return shared;
    }

    /**
     * Starts a private {@code influxd} and waits (at most a minute) until {@code /ping} answers. A
     * port taken between choosing it and binding it makes influxd exit; that is retried twice.
     */
    public static InfluxDb1 start() {
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return startOnce();
            } catch (IllegalStateException e) {
                last = e;
            }
        }
        throw last;
    }

    private static InfluxDb1 startOnce() {
        try {
            Path dir = Files.createTempDirectory("hallwatch-influxd-");
            int httpPort = freePort();
            Path config = dir.resolve("influxdb.conf");
            Files.writeString(config, InfluxdConfig.render(dir, httpPort, freePort()));
            Process process = new ProcessBuilder(InfluxdConfig.command(INFLUXD, config))
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("influxd.log").toFile())
                    .start();
            InfluxDb1 influx = new InfluxDb1(dir, process, httpPort);
            influx.awaitPing();
            return influx;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + INFLUXD, e);
        }
    }

    private void awaitPing() {
        try {
            Awaitility.await("influxd answering /ping on port " + httpPort)
                    .atMost(START_TIMEOUT)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("influxd exited with " + process.exitValue() + ": " + log());
                        }
                        return ping();
                    });
        } catch (RuntimeException e) {
            stop();
            throw e instanceof IllegalStateException ise ? ise : new IllegalStateException(e.getMessage() + ": " + log(), e);
        }
    }

    /** {@code http://127.0.0.1:<port>}, the 1.x HTTP API. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    /** True when {@code GET /ping} answers 204. */
    public boolean ping() {
        try {
            return send(HttpRequest.newBuilder(url().resolve("/ping")).GET()).statusCode() == 204;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    public void createDatabase(String database) {
        requireOk(post("/query?q=" + encode("CREATE DATABASE \"" + database + "\""), ""));
    }

    public void dropDatabase(String database) {
        requireOk(post("/query?q=" + encode("DROP DATABASE \"" + database + "\""), ""));
    }

    /** Runs InfluxQL on {@link #DATABASE}; see {@link #query(String, String)}. */
    public JsonNode query(String influxql) {
        return query(DATABASE, influxql);
    }

    /**
     * Runs InfluxQL on {@code database} with times as epoch milliseconds (as Grafana asks) and returns
     * the parsed {@code results} array: one element per statement, each with {@code series} or an
     * {@code error}. An HTTP error (a query that does not parse) throws, with InfluxDB's message.
     */
    public JsonNode query(String database, String influxql) {
        String path = "/query?epoch=ms&db=" + encode(database) + "&q=" + encode(influxql);
        HttpResponse<String> response = send(HttpRequest.newBuilder(url().resolve(path)).GET());
        JsonNode body = parse(response.body());
        if (response.statusCode() != 200 || body.hasNonNull("error")) {
            throw new IllegalArgumentException("InfluxDB answered " + response.statusCode() + " to " + influxql + ": "
                    + body.path("error").asText(response.body()));
        }
        return body.path("results");
    }

    /** Writes nanosecond line protocol to {@link #DATABASE}. */
    public void write(String lineProtocol) {
        write(DATABASE, lineProtocol);
    }

    public void write(String database, String lineProtocol) {
        requireOk(rawWrite(database, "", "n", lineProtocol));
    }

    /**
     * Sends line protocol to {@code /write} with 1.x parameters ({@code precision} one of {@code n},
     * {@code u}, {@code ms}, {@code s}; an empty retention policy is the default one) and returns the
     * answer as it is, errors included: the v2 adapter maps them.
     */
    public HttpResponse<String> rawWrite(String database, String retentionPolicy, String precision, String lineProtocol) {
        String rp = retentionPolicy.isEmpty() ? "" : "&rp=" + encode(retentionPolicy);
        return post("/write?db=" + encode(database) + rp + "&precision=" + encode(precision), lineProtocol);
    }

    /** Stops influxd (at most 10 s, then forcibly) and deletes its directory. */
    public synchronized void stop() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteTree(dir);
    }

    @Override
    public void close() {
        stop();
    }

    private HttpResponse<String> post(String pathAndQuery, String body) {
        return send(HttpRequest.newBuilder(url().resolve(pathAndQuery))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("influxd on port " + httpPort + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void requireOk(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2 || response.body().contains("\"error\"")) {
            throw new IllegalStateException("InfluxDB answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("InfluxDB answered no JSON: " + body, e);
        }
    }

    private String log() {
        try {
            String log = Files.readString(dir.resolve("influxd.log"));
            return log.isBlank() ? "(nothing logged)" : log.substring(Math.max(0, log.length() - 2000));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
