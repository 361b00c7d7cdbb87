package io.hallwatch.notify.send;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import javax.net.ssl.SSLException;

/**
 * POSTs one JSON body and turns the outcome into a {@link SendResult}. What every channel treats alike
 * is decided here: no answer, 408 and 5xx are retried, 429 and 503 are retried after the
 * {@code Retry-After} the channel sent; any other answer goes to the caller's reader. Details name the
 * failure, never the URL, which for the chat vendors holds the robot's token.
 */
final class JsonPoster {

    private final HttpClient client;
    private final Clock clock;
    private final Duration timeout;

    JsonPoster(HttpClient client, Clock clock, Duration timeout) {
        this.client = client;
        this.clock = clock;
        this.timeout = timeout;
    }

    Clock clock() {
        return clock;
    }

    SendResult post(URI url, String body, Map<String, String> headers, Function<Reply, SendResult> reader) {
        if (!isHttp(url)) {
            return SendResult.rejected("endpoint URL is not an absolute http(s) URL");
        }
        HttpRequest request;
        try {
            request = request(url, body, headers);
        } catch (IllegalArgumentException e) {
            return SendResult.rejected("request not valid: a header value holds characters HTTP forbids");
        }
        return exchange(request, reader);
    }

    private HttpRequest request(URI url, String body, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(builder::header);
        return builder.build();
    }

    private SendResult exchange(HttpRequest request, Function<Reply, SendResult> reader) {
        try {
            HttpResponse<String> response =
                    client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return classify(new Reply(response.statusCode(), response.headers(), response.body()), reader);
        } catch (HttpTimeoutException e) {
            return SendResult.retry(null, "no answer: timed out");
        } catch (IOException e) {
            return SendResult.retry(null, "no answer: " + failure(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendResult.retry(null, "interrupted before the channel answered");
        }
    }

    private SendResult classify(Reply reply, Function<Reply, SendResult> reader) {
        int status = reply.status();
        if (status == 429 || status == 503) {
            return SendResult.retry(RetryAfter.of(reply.headers(), clock), reply.statusText());
        }
        if (status == 408 || status >= 500) {
            return SendResult.retry(null, reply.statusText());
        }
        return reader.apply(reply);
    }

    private static boolean isHttp(URI url) {
        return url.isAbsolute() && url.getHost() != null
                && ("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()));
    }

    /** Exception messages are left out: some name the host and port, and none adds much for an operator. */
    private static String failure(IOException e) {
        if (e instanceof ConnectException) {
            return "could not connect";
        }
        if (e instanceof SSLException) {
            return "TLS handshake failed";
        }
        return "connection failed";
    }
}
