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
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends what the outbox holds, off the ingest and rule threads: when an order change commits, and at
 * every poll, it hands each destination with messages due to a worker, one worker per destination at
 * a time, so a channel that is down or slow holds up only itself (and, failing, is held back by its
 * back-off). A channel gets at most its limit per minute; when more orders wait than
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
    private ExecutorService alerts;
    private ExecutorService waker;

    @PostConstruct
    void start() {
        workers = Executors.newFixedThreadPool(config.workers(), threads("hallwatch-notify-"));
        // The MQTT alerts and the wake-up have their own threads: slow channels never hold them up.
        alerts = Executors.newSingleThreadExecutor(threads("hallwatch-alerts-"));
        waker = Executors.newSingleThreadExecutor(threads("hallwatch-outbox-"));
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread thread = new Thread(r, prefix + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
        alerts.shutdownNow();
        waker.shutdownNow();
    }

    @Scheduled(every = "${hallwatch.notify.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        dispatch();
    }

    /** Hands every destination with messages due now to a worker; returns how many were handed. */
    public int dispatch() {
        Map<Long, List<Long>> due = QuarkusTransaction.requiringNew().call(() -> {
            deliveries.expire();
            return due(clock.instant());
        });
        int started = 0;
        for (Map.Entry<Long, List<Long>> destination : due.entrySet()) {
            Long key = destination.getKey();
            if (busy.add(key)) {
                started++;
                (key == MQTT ? alerts : workers).execute(() -> {
                    try {
                        deliver(key, destination.getValue());
                    } catch (RuntimeException e) {
                        Log.errorf(e, "Sending notifications to %s failed; tried again when the claim lapses", name(key));
                    } finally {
                        busy.remove(key);
                    }
                });
            }
        }
        return started;
    }

    /**
     * Looks at the outbox now rather than at the next poll: called when a transaction that wrote to it
     * has committed, so a message leaves within milliseconds. Calls that come while one is pending
     * are folded into it.
     */
    void wake() {
        if (waking.compareAndSet(false, true)) {
            waker.execute(() -> {
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

    /** One destination's due rows: claimed first, so that nobody else sends or withdraws them meanwhile. */
    private void deliver(Long key, List<Long> listed) {
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> deliveries.claim(listed));
        if (ids.isEmpty()) {
            return;
        }
        if (key == MQTT) {
            publishAll(ids);
            return;
        }
        Target target;
        try {
            target = QuarkusTransaction.requiringNew().call(() -> target(key));
        } catch (IllegalStateException e) {
            settle(ids, SendResult.rejected(e.getMessage()), "channel");
            return;
        }
        if (target == null) {
            QuarkusTransaction.requiringNew().run(() -> deliveries.cancel(key, "the channel was removed or switched off"));
            return;
        }
        sendAll(target, ids);
    }

    private void publishAll(List<Long> ids) {
        for (int i = 0; i < ids.size(); i++) {
            Long id = ids.get(i);
            Notification n = QuarkusTransaction.requiringNew().call(() -> Notification.<Notification>findById(id));
            SendResult result;
            try {
                mqtt.publish(Topics.alerts(n.hallId, n.team.wire()), n.payload.getBytes(StandardCharsets.UTF_8),
                        config.mqttTimeout());
                result = SendResult.delivered("published");
            } catch (IllegalStateException e) {
                result = SendResult.retry(null, e.getMessage());
            }
            if (result.status() != SendResult.Status.DELIVERED) {
                release(ids.subList(i + 1, ids.size()), clock.instant());
            }
            settle(List.of(id), result, "mqtt");
            if (result.status() != SendResult.Status.DELIVERED) {
                return;
            }
        }
    }

    /**
     * Within the channel's limit per minute: one message per order while they fit, the rest as one
     * bundle in the last free message, cut to what the channel takes whole; what is left waits for the
     * next free minute. A failed send stops the round (the channel is held back by its back-off).
     */
    private void sendAll(Target target, List<Long> ids) {
        RateWindow window = windows.computeIfAbsent(target.id(), k -> new RateWindow());
        Instant now = clock.instant();
        int free = window.available(now, target.perMinute());
        int singles = ids.size() <= free ? ids.size() : Math.max(0, free - 1);
        for (int i = 0; i < singles; i++) {
            if (!send(target, window, ids.subList(i, i + 1), ids.subList(i + 1, ids.size()))) {
                return;
            }
        }
        List<Long> rest = ids.subList(singles, ids.size());
        if (rest.isEmpty()) {
            return;
        }
        if (free == 0) {
            release(rest, window.nextFree(now, target.perMinute()));
            return;
        }
        List<String> payloads = QuarkusTransaction.requiringNew().call(() -> payloads(rest));
        int fits = target.text().bundleSize(payloads, Math.min(config.bundleMax(), rest.size()), target.maxBytes());
        send(target, window, rest.subList(0, fits), rest.subList(fits, rest.size()));
        release(rest.subList(fits, rest.size()), window.nextFree(clock.instant(), target.perMinute()));
    }

    /** Sends {@code ids} as one message; on failure gives {@code after} back before settling. */
    private boolean send(Target target, RateWindow window, List<Long> ids, List<Long> after) {
        List<String> payloads = QuarkusTransaction.requiringNew().call(() -> payloads(ids));
        String deliveryId = "hallwatch-" + ids.get(0) + (ids.size() > 1 ? "-" + ids.size() : "");
        Outgoing message = ids.size() == 1 ? target.text().single(payloads.get(0), deliveryId)
                : target.text().bundle(payloads, deliveryId);
        window.record(clock.instant());
        SendResult result = senders.send(target.endpoint(), message);
        boolean delivered = result.status() == SendResult.Status.DELIVERED;
        if (!delivered) {
            Log.warnf("Channel %s (%s) did not take %d notification(s): %s %s", target.name(), target.endpoint().kind(),
                    ids.size(), result.status(), result.detail());
            release(after, clock.instant());
        }
        settle(ids, result, target.endpoint().kind().name().toLowerCase(Locale.ROOT));
        return delivered;
    }

    private static List<String> payloads(List<Long> ids) {
        return ids.stream().map(id -> Notification.<Notification>findById(id).payload).toList();
    }

    private void settle(List<Long> ids, SendResult result, String destination) {
        QuarkusTransaction.requiringNew().run(() -> deliveries.settle(ids, result, destination));
    }

    private void release(List<Long> ids, Instant at) {
        if (!ids.isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> deliveries.release(List.copyOf(ids), at));
        }
    }

    /** A channel ready to send to: its endpoint opened, its hall's words, its limits. */
    private record Target(Long id, String name, Endpoint endpoint, AlertText text, int perMinute) {

        int maxBytes() {
            return endpoint.kind().maxBytes(endpoint.markdown());
        }
    }

    private Target target(Long channelId) {
        Channel channel = Channel.findById(channelId);
        if (channel == null || !channel.enabled) {
            return null;
        }
        Hall hall = Hall.findById(channel.hallId);
        String secret = channel.secretSealed == null ? null : box.open(channel.secretSealed);
        Endpoint endpoint = new Endpoint(channel.kind, URI.create(box.open(channel.urlSealed)), secret, channel.markdown);
        return new Target(channel.id, channel.name, endpoint, new AlertText(hall, config.publicUrl()), channel.perMinute);
    }

    private static String name(Long key) {
        return key == MQTT ? "the MQTT alerts topic" : "channel " + key;
    }
}
