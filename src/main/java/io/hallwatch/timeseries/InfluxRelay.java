package io.hallwatch.timeseries;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import com.influxdb.client.InfluxDBClientOptions;
import com.influxdb.client.domain.WritePrecision;
import com.influxdb.exceptions.InfluxException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends the recorded points to InfluxDB through its v2 write API (influxdb-client-java, blocking, so
 * a point leaves the outbox only after InfluxDB accepted it), oldest first, in batches. While
 * InfluxDB is down or busy (no answer, 5xx, 429, 401/403/404 while it is being set up) it waits,
 * doubling up to {@code max-retry} or as long as {@code Retry-After} says, and then drains the
 * backlog; nothing is dropped. Points InfluxDB refuses as malformed (400, 422) are isolated row by
 * row, kept as rejected, counted ({@code hallwatch_timeseries_rejected_total}) and logged, instead of
 * blocking the rest forever. Re-sent points are the same points (measurement, tags, time), so InfluxDB
 * stores them once.
 */
@ApplicationScoped
public class InfluxRelay {

    @Inject
    TimeseriesConfig config;
    @Inject
    Recorder recorder;
    @Inject
    MeterRegistry registry;

    private InfluxDBClient client;
    private Counter sent;
    private Counter rejected;
    private final AtomicLong backlog = new AtomicLong();
    /** System.nanoTime() before which the relay waits: real time, not the service clock tests move. */
    private long pausedUntil = System.nanoTime();
    private Duration backoff = Duration.ZERO;

    @PostConstruct
    void start() {
        sent = registry.counter("hallwatch.timeseries.sent");
        rejected = registry.counter("hallwatch.timeseries.rejected");
        registry.gauge("hallwatch.timeseries.backlog", backlog);
        if (recorder.enabled()) {
            client = InfluxDBClientFactory.create(InfluxDBClientOptions.builder().url(config.url().orElseThrow())
                    .authenticateToken(config.token().orElse("").toCharArray()).org(config.org())
                    .bucket(config.bucket()).build());
            client.enableGzip();
            Log.infof("Recording in InfluxDB at %s, bucket %s", config.url().get(), config.bucket());
        }
    }

    @PreDestroy
    void stop() {
        if (client != null) {
            client.close();
        }
    }

    @Scheduled(every = "${hallwatch.timeseries.relay-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        if (client != null && System.nanoTime() - pausedUntil >= 0) {
            relay();
        }
    }

    /** Sends what waits, batch after batch, until the outbox is empty or InfluxDB fails; returns points sent. */
    public synchronized int relay() {
        int total = 0;
        while (true) {
            List<PendingPoints> batch = QuarkusTransaction.requiringNew().call(this::nextBatch);
            if (batch.isEmpty()) {
                backlog.set(0);
                return total;
            }
            int count = send(batch);
            if (count < 0) {
                return total;
            }
            total += count;
        }
    }

    private List<PendingPoints> nextBatch() {
        backlog.set(PendingPoints.getEntityManager().createQuery("select coalesce(sum(p.lineCount), 0) from PendingPoints p"
                + " where p.rejected = false", Long.class).getSingleResult());
        List<PendingPoints> rows = PendingPoints.<PendingPoints>find("rejected = false order by id").page(0, 200).list();
        List<PendingPoints> batch = new ArrayList<>();
        int lines = 0;
        for (PendingPoints row : rows) {
            if (!batch.isEmpty() && lines + row.lineCount > config.batchSize()) {
                break;
            }
            batch.add(row);
            lines += row.lineCount;
        }
        return batch;
    }

    /** Writes the rows; returns how many points went, or -1 when InfluxDB is unavailable for now. */
    private int send(List<PendingPoints> rows) {
        List<String> lines = new ArrayList<>();
        rows.forEach(r -> lines.addAll(Arrays.asList(r.lines.split("\n"))));
        try {
            client.getWriteApiBlocking().writeRecords(WritePrecision.NS, lines);
        } catch (InfluxException e) {
            return failed(rows, e);
        }
        List<Long> ids = rows.stream().map(r -> r.id).toList();
        QuarkusTransaction.requiringNew().run(() -> PendingPoints.delete("id in ?1", ids));
        sent.increment(lines.size());
        backoff = Duration.ZERO;
        return lines.size();
    }

    private int failed(List<PendingPoints> rows, InfluxException e) {
        int status = e.status();
        if (status == 400 || status == 422) {
            if (rows.size() > 1) {
                // One of them is bad: send them one by one to find it.
                int count = 0;
                for (PendingPoints row : rows) {
                    int one = send(List.of(row));
                    if (one < 0) {
                        return -1;
                    }
                    count += one;
                }
                return count;
            }
            reject(rows.get(0), status + " " + e.getMessage());
            return 0;
        }
        pause(e);
        return -1;
    }

    private void reject(PendingPoints row, String why) {
        String detail = why.length() > 500 ? why.substring(0, 500) : why;
        QuarkusTransaction.requiringNew().run(() -> PendingPoints.update("rejected = true, lastError = ?1, attempts = attempts + 1"
                + " where id = ?2", detail, row.id));
        rejected.increment(row.lineCount);
        Log.errorf("InfluxDB refused %d point(s) (outbox row %d): %s; they are kept, not retried", row.lineCount, row.id, detail);
    }

    private void pause(InfluxException e) {
        Duration wait = backoff.isZero() ? Duration.ofSeconds(1) : backoff.multipliedBy(2);
        backoff = wait.compareTo(config.maxRetry()) > 0 ? config.maxRetry() : wait;
        Duration asked = retryAfter(e);
        Duration pause = asked != null && asked.compareTo(backoff) > 0 ? asked : backoff;
        pausedUntil = System.nanoTime() + pause.toNanos();
        Log.warnf("InfluxDB did not take the points (%s %s); %d wait, trying again in %d s", e.status() == 0 ? "no answer"
                : "HTTP " + e.status(), e.getMessage(), backlog.get(), pause.toSeconds());
    }

    private static Duration retryAfter(InfluxException e) {
        String value = e.headers() == null ? null : e.headers().entrySet().stream()
                .filter(h -> h.getKey().equalsIgnoreCase("Retry-After")).map(h -> h.getValue()).findFirst().orElse(null);
        try {
            return value == null ? null : Duration.ofSeconds(Long.parseLong(value.trim()));
        } catch (NumberFormatException ignored) {
            return null;
        }
    }
}
