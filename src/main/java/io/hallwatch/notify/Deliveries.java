package io.hallwatch.notify;

import io.hallwatch.notify.send.SendResult;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The outbox rows' states. A worker claims the rows it is about to send (SENDING, leased for
 * {@link #LEASE}), then settles them: sent; pending again with a doubling back-off (or the wait the
 * channel asked for), which holds back the destination's other rows too; or failed, when refused or
 * not delivered within {@code hallwatch.notify.give-up-after}. Cancelling touches only pending rows,
 * settling only claimed ones, so the two never undo each other.
 */
@ApplicationScoped
@Transactional
public class Deliveries {

    /** How long a claim lasts; a worker that died (a crash) gives its rows back after this. */
    static final Duration LEASE = Duration.ofMinutes(2);

    @Inject
    NotifyConfig config;
    @Inject
    Clock clock;
    @Inject
    MeterRegistry registry;

    /** The listed rows that are still pending and due, now claimed by the caller, in id order. */
    List<Long> claim(List<Long> ids) {
        Instant now = clock.instant();
        List<Long> due = Notification.getEntityManager().createQuery("select n.id from Notification n where n.id in :ids"
                + " and n.status = :pending and n.dueAt <= :now order by n.id", Long.class).setParameter("ids", ids)
                .setParameter("pending", Notification.Status.PENDING).setParameter("now", now).getResultList();
        if (!due.isEmpty()) {
            Notification.update("status = ?1, dueAt = ?2 where id in ?3", Notification.Status.SENDING, now.plus(LEASE), due);
        }
        return due;
    }

    /** Claimed rows that were not sent this round go back, due at {@code at}. */
    void release(List<Long> ids, Instant at) {
        if (!ids.isEmpty()) {
            Notification.update("status = ?1, dueAt = ?2 where id in ?3 and status = ?4", Notification.Status.PENDING, at,
                    ids, Notification.Status.SENDING);
        }
    }

    void settle(List<Long> ids, SendResult result, String destination) {
        Instant now = clock.instant();
        for (Long id : ids) {
            Notification n = Notification.findById(id);
            if (n == null || n.status != Notification.Status.SENDING) {
                continue;
            }
            n.attempts++;
            n.lastError = result.status() == SendResult.Status.DELIVERED ? null : truncate(result.detail());
            switch (result.status()) {
                case DELIVERED -> {
                    n.status = Notification.Status.SENT;
                    n.sentAt = now;
                    n.bundleSize = ids.size();
                }
                case REJECTED -> n.status = Notification.Status.FAILED;
                case RETRY -> retry(n, result.retryAfter(), now);
            }
        }
        String outcome = result.status() == SendResult.Status.DELIVERED ? "sent"
                : result.status().name().toLowerCase(Locale.ROOT);
        registry.counter("hallwatch.notifications", "destination", destination, "outcome", outcome).increment(ids.size());
    }

    private void retry(Notification n, Duration asked, Instant now) {
        n.status = Notification.Status.PENDING;
        if (!now.isBefore(n.createdAt.plus(config.giveUpAfter()))) {
            n.status = Notification.Status.FAILED;
            n.lastError = truncate("given up after " + config.giveUpAfter() + ": " + n.lastError);
            return;
        }
        long doubling = Math.min(20, n.attempts - 1);
        Duration backoff = config.firstRetry().multipliedBy(1L << doubling);
        Duration wait = backoff.compareTo(config.maxRetry()) > 0 ? config.maxRetry() : backoff;
        if (asked != null && asked.compareTo(wait) > 0) {
            wait = asked;
        }
        n.dueAt = now.plus(wait);
        holdBack(n.channelId, n.dueAt);
    }

    /** The destination failed: its other waiting rows wait as long, so it is not tried again at once. */
    private static void holdBack(Long channelId, Instant until) {
        String channel = channelId == null ? "channelId is null" : "channelId = " + channelId;
        Notification.update("dueAt = ?1 where " + channel + " and status = ?2 and dueAt < ?1", until,
                Notification.Status.PENDING);
    }

    /** Takes back claims whose worker is gone, and gives up rows that waited too long (a dead channel). */
    void expire() {
        Instant now = clock.instant();
        Notification.update("status = ?1 where status = ?2 and dueAt <= ?3", Notification.Status.PENDING,
                Notification.Status.SENDING, now);
        Notification.update("status = ?1, lastError = ?2 where status = ?3 and createdAt < ?4", Notification.Status.FAILED,
                "given up after " + config.giveUpAfter(), Notification.Status.PENDING, now.minus(config.giveUpAfter()));
    }

    /** The waiting and claimed rows of a removed or switched-off channel. */
    void cancel(Long channelId, String why) {
        Notification.update("status = ?1, lastError = ?2 where channelId = ?3 and status in ?4",
                Notification.Status.CANCELLED, why, channelId,
                List.of(Notification.Status.PENDING, Notification.Status.SENDING));
    }

    /** After a channel's address or secret was fixed: its recent failures are tried again at once. */
    void retryFailed(Long channelId) {
        Instant now = clock.instant();
        Notification.update("status = ?1, dueAt = ?2 where channelId = ?3 and status = ?4 and createdAt >= ?5",
                Notification.Status.PENDING, now, channelId, Notification.Status.FAILED, now.minus(config.giveUpAfter()));
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 500);
    }
}
