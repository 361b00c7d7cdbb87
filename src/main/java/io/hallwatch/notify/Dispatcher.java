package io.hallwatch.notify;

import io.hallwatch.halls.Hall;
import io.hallwatch.ingest.MqttIngest;
import io.hallwatch.ingest.Topics;
import io.hallwatch.notify.send.Endpoint;
import io.hallwatch.notify.send.Outgoing;
import io.hallwatch.notify.send.SendResult;
import io.hallwatch.notify.send.Senders;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends what the outbox holds, off the ingest and rule threads: every poll it hands each destination
 * with messages due to a worker, one worker per destination at a time, so a channel that is down or
 * slow holds up only itself. A channel gets at most its limit per minute; when more orders wait than
 * it may still take this minute, the last free message carries all the rest as one bundle (up to
 * {@code bundle-max}), so nothing is dropped. Alerts go to the MQTT topic one by one, never bundled.
 */
@ApplicationScoped
public class Dispatcher {

    private static final long MQTT = 0L;

    @Inject
    EntityManager em;
    @Inject
    NotifyConfig config;
    @Inject
    Clock clock;
    @Inject
    Senders senders;
    @Inject
    MqttIngest mqtt;
    @Inject
    SecretBox box;
    @Inject
    Deliveries deliveries;

    private final Set<Long> busy = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean waking = new AtomicBoolean();
    private final Map<Long, RateWindow> windows = new ConcurrentHashMap<>();
    private ExecutorService workers;

    @PostConstruct
    void start() {
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(config.workers(), r -> {
            Thread thread = new Thread(r, "hallwatch-notify-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    @Scheduled(every = "${hallwatch.notify.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        dispatch();
    }

    /** Hands every destination with messages due now to a worker; returns how many were handed. */
    public int dispatch() {
        Instant now = clock.instant();
        Map<Long, List<Long>> due = QuarkusTransaction.requiringNew().call(() -> due(now));
        int started = 0;
        for (Map.Entry<Long, List<Long>> destination : due.entrySet()) {
            Long key = destination.getKey();
            if (busy.add(key)) {
                started++;
                workers.execute(() -> {
                    try {
                        deliver(key, destination.getValue());
                    } catch (RuntimeException e) {
                        Log.errorf(e, "Sending notifications to %s failed; tried again at the next poll", name(key));
                    } finally {
                        busy.remove(key);
                    }
                });
            }
        }
        return started;
    }

    private List<Long> stillPending(List<Long> ids) {
        return em.createQuery("select n.id from Notification n where n.id in :ids and n.status = :pending order by n.id",
                Long.class).setParameter("ids", ids).setParameter("pending", Notification.Status.PENDING).getResultList();
    }

    /**
     * Looks at the outbox now rather than at the next poll: called when a transaction that wrote to it
     * has committed, so a message leaves within milliseconds. Calls that come while one is pending
     * are folded into it.
     */
    void wake() {
        if (waking.compareAndSet(false, true)) {
            workers.execute(() -> {
                waking.set(false);
                try {
                    dispatch();
                } catch (RuntimeException e) {
                    Log.warnf("Looking at the outbox failed (%s); the next poll tries again", e.getMessage());
                }
            });
        }
    }

    private Map<Long, List<Long>> due(Instant now) {
        List<Object[]> rows = em.createQuery("select n.channelId, n.id from Notification n where n.status = :pending"
                + " and n.dueAt <= :now order by n.id", Object[].class).setParameter("pending", Notification.Status.PENDING)
                .setParameter("now", now).setMaxResults(2000).getResultList();
        Map<Long, List<Long>> byDestination = new LinkedHashMap<>();
        rows.forEach(r -> byDestination.computeIfAbsent(r[0] == null ? MQTT : (Long) r[0], k -> new ArrayList<>())
                .add((Long) r[1]));
        return byDestination;
    }

    private void deliver(Long key, List<Long> listed) {
        // Listed before this worker held the destination: another may have sent some meanwhile.
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> stillPending(listed));
        if (ids.isEmpty()) {
            return;
        }
        if (key == MQTT) {
            for (Long id : ids) {
                if (!publish(id)) {
                    return;
                }
            }
            return;
        }
        Target target = QuarkusTransaction.requiringNew().call(() -> target(key));
        if (target == null) {
            QuarkusTransaction.requiringNew().run(() -> deliveries.cancelPending(key, "the channel was removed or switched off"));
            return;
        }
        RateWindow window = windows.computeIfAbsent(key, k -> new RateWindow());
        int free = window.available(clock.instant(), target.perMinute());
        if (free == 0) {
            return;
        }
        // A channel that failed once this round is left alone until its back-off is over.
        int singles = ids.size() <= free ? ids.size() : free - 1;
        for (Long id : ids.subList(0, singles)) {
            if (!send(target, window, List.of(id))) {
                return;
            }
        }
        if (singles < ids.size()) {
            send(target, window, ids.subList(singles, Math.min(ids.size(), singles + config.bundleMax())));
        }
    }

    private boolean publish(Long id) {
        Notification n = QuarkusTransaction.requiringNew().call(() -> Notification.<Notification>findById(id));
        SendResult result;
        try {
            mqtt.publish(Topics.alerts(n.hallId, n.team.wire()), n.payload.getBytes(StandardCharsets.UTF_8),
                    config.mqttTimeout());
            result = SendResult.delivered("published");
        } catch (IllegalStateException e) {
            result = SendResult.retry(null, e.getMessage());
        }
        SendResult outcome = result;
        QuarkusTransaction.requiringNew().run(() -> deliveries.settle(List.of(id), outcome, "mqtt"));
        return outcome.status() == SendResult.Status.DELIVERED;
    }

    private boolean send(Target target, RateWindow window, List<Long> ids) {
        List<String> payloads = QuarkusTransaction.requiringNew().call(() -> ids.stream()
                .map(id -> Notification.<Notification>findById(id).payload).toList());
        String deliveryId = "hallwatch-" + ids.get(0) + (ids.size() > 1 ? "-" + ids.size() : "");
        Outgoing message = ids.size() == 1 ? target.text().single(payloads.get(0), deliveryId)
                : target.text().bundle(payloads, deliveryId);
        window.record(clock.instant());
        SendResult result = senders.send(target.endpoint(), message);
        if (result.status() != SendResult.Status.DELIVERED) {
            Log.warnf("Channel %s (%s) did not take %d notification(s): %s %s", target.name(), target.endpoint().kind(),
                    ids.size(), result.status(), result.detail());
        }
        String destination = target.endpoint().kind().name().toLowerCase(Locale.ROOT);
        QuarkusTransaction.requiringNew().run(() -> deliveries.settle(ids, result, destination));
        return result.status() == SendResult.Status.DELIVERED;
    }

    /** A channel ready to send to: its endpoint opened, its hall's words, its limit. */
    private record Target(String name, Endpoint endpoint, AlertText text, int perMinute) {
    }

    private Target target(Long channelId) {
        Channel channel = Channel.findById(channelId);
        if (channel == null || !channel.enabled) {
            return null;
        }
        Hall hall = Hall.findById(channel.hallId);
        String secret = channel.secretSealed == null ? null : box.open(channel.secretSealed);
        Endpoint endpoint = new Endpoint(channel.kind, URI.create(box.open(channel.urlSealed)), secret, channel.markdown);
        return new Target(channel.name, endpoint, new AlertText(hall, config.publicUrl()), channel.perMinute);
    }

    private static String name(Long key) {
        return key == MQTT ? "the MQTT alerts topic" : "channel " + key;
    }
}
