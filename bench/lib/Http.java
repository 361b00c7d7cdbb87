import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A small HTTP client for the service's API and the systems' metrics: HTTP Basic when a user is
 * given, bodies as strings, and an {@link IOException} naming the call for any answer outside 2xx.
 */
final class Http {

    /** HTTP/1.1: the default asks to upgrade to h2c, and Node's HTTP server drops connections that ask. */
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String authorization;
    private final Duration timeout;

    Http(String base, String user, String password, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
        this.authorization = user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    String get(String path) throws IOException, InterruptedException {
        return send("GET", path, null, null);
    }

    String post(String path, String contentType, String body) throws IOException, InterruptedException {
        return send("POST", path, contentType, body);
    }

    private String send(String method, String path, String contentType, String body)
            throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request(method, path, contentType, body),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() / 100 != 2) {
            throw new IOException(method + " " + base + path + " answered " + response.statusCode() + ": "
                    + abbreviate(response.body()));
        }
        return response.body();
    }

    private HttpRequest request(String method, String path, String contentType, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b.build();
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
