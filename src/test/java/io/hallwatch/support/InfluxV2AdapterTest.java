package io.hallwatch.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The v2 adapter answers what influxdb-client-java sends as an InfluxDB 2.x would, in front of the
 * real 1.x: the requests here are the client's (path, query, token header, gzip), sent by hand.
 */
@ExtendWith(InfluxdAvailable.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InfluxV2AdapterTest {

    static final String BUCKET = "adapter_test";
    static final ObjectMapper JSON = new ObjectMapper();

    final HttpClient http = HttpClient.newHttpClient();
    InfluxDb1 influx;
    InfluxV2Adapter adapter;

    @BeforeAll
    void start() {
        influx = InfluxDb1.shared();
        influx.createDatabase(BUCKET);
        adapter = new InfluxV2Adapter(influx, "test-token");
    }

    @AfterAll
    void stop() {
        adapter.close();
        influx.dropDatabase(BUCKET);
    }

    @BeforeEach
    void reset() {
        adapter.start();
        adapter.unavailable(false);
        adapter.resetCounts();
    }

    @Test
    void writesNanosecondPointsAndAnswers204() throws Exception {
        HttpResponse<String> answer = write("ns", "bin_fill,hall=h1,device=b1 fill=12.5 1741946400000000001\n"
                + "bin_fill,hall=h1,device=b2 fill=70.0 1741946400000000002\n", false);
        assertEquals(204, answer.statusCode(), answer::body);
        assertEquals(2, count("SELECT count(\"fill\") FROM \"bin_fill\" WHERE \"hall\" = 'h1'"));
        assertEquals(1, adapter.writeRequests());
        assertEquals(2, adapter.pointsReceived());
        assertEquals(2, adapter.pointsWritten());
    }

    @Test
    void readsAGzipBodyAndMapsMicrosecondsForOneX() throws Exception {
        HttpResponse<String> answer = write("us", "bin_fill,hall=h2,device=b1 fill=5.0 1741946400000000\n", true);
        assertEquals(204, answer.statusCode(), answer::body);
        JsonNode rows = influx.query(BUCKET, "SELECT \"fill\" FROM \"bin_fill\" WHERE \"hall\" = 'h2'")
                .path(0).path("series").path(0).path("values");
        assertEquals(1741946400000L, rows.path(0).path(0).asLong(), rows::toString);
    }

    @Test
    void badLineProtocolIs400AndATypeConflict422() throws Exception {
        HttpResponse<String> bad = write("ns", "bin_fill,hall=h3 fill=12.5x 1\n", false);
        assertEquals(400, bad.statusCode());
        assertEquals("invalid", JSON.readTree(bad.body()).path("code").asText(), bad::body);

        assertEquals(204, write("ns", "conflict,hall=h3 v=1i 1\n", false).statusCode());
        HttpResponse<String> conflict = write("ns", "conflict,hall=h3 v=1.5 2\n", false);
        assertEquals(422, conflict.statusCode(), conflict::body);
        assertTrue(JSON.readTree(conflict.body()).path("message").asText().contains("field type conflict"), conflict::body);
        assertEquals(1, adapter.pointsWritten());
    }

    @Test
    void aWrongTokenIs401AndAnUnknownBucket404() throws Exception {
        HttpResponse<String> unauthorised = send(HttpRequest.newBuilder(writeUri(BUCKET, "ns"))
                .header("Authorization", "Token wrong").POST(HttpRequest.BodyPublishers.ofString("m v=1i 1")));
        assertEquals(401, unauthorised.statusCode());
        HttpResponse<String> missing = send(HttpRequest.newBuilder(writeUri("no_such_bucket", "ns"))
                .header("Authorization", "Token test-token").POST(HttpRequest.BodyPublishers.ofString("m v=1i 1")));
        assertEquals(404, missing.statusCode());
        assertEquals("not found", JSON.readTree(missing.body()).path("code").asText(), missing::body);
    }

    @Test
    void unavailableAnswers503WithRetryAfterAndHealthFails() throws Exception {
        adapter.unavailable(true);
        HttpResponse<String> answer = write("ns", "m v=1i 1\n", false);
        assertEquals(503, answer.statusCode());
        assertEquals("1", answer.headers().firstValue("Retry-After").orElse(""));
        assertEquals(503, get("/health").statusCode());
        assertEquals(1, adapter.writeRequests());
        assertEquals(0, adapter.pointsWritten());
        adapter.unavailable(false);
        HttpResponse<String> health = get("/health");
        assertEquals(200, health.statusCode());
        assertEquals("pass", JSON.readTree(health.body()).path("status").asText());
        assertEquals(204, get("/ping").statusCode());
    }

    @Test
    void stoppedRefusesConnectionsAndStartsAgainOnTheSamePort() throws Exception {
        adapter.stop();
        assertThrows(ConnectException.class, () -> get("/ping"));
        adapter.start();
        assertEquals(204, write("ns", "m v=1i 1\n", false).statusCode());
    }

    private HttpResponse<String> write(String precision, String body, boolean gzip) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(writeUri(BUCKET, precision))
                .header("Authorization", "Token test-token")
                .header("Content-Type", "text/plain; charset=utf-8");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (gzip) {
            request.header("Content-Encoding", "gzip");
            bytes = gzip(bytes);
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    private URI writeUri(String bucket, String precision) {
        return adapter.url().resolve("/api/v2/write?org=hallwatch&bucket=" + bucket + "&precision=" + precision);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(adapter.url().resolve(path)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private long count(String influxql) {
        return influx.query(BUCKET, influxql).path(0).path("series").path(0).path("values").path(0).path(1).asLong();
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }
}
