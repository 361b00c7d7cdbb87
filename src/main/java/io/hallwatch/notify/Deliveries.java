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
 * Records what came of a send in the outbox rows it carried: sent; tried again later with a doubling
 * back-off (or the wait the channel asked for); or failed, when refused or not delivered within
 * {@code hallwatch.notify.give-up-after}. A row that is no longer pending (cancelled meanwhile) is left
 * as it is.
 */
@ApplicationScoped
@Transactional
public class Deliveries {

    @Inject
    NotifyConfig config;
    @Inject
    Clock clock;
    @Inject
    MeterRegistry registry;

    void settle(List<Long> ids, SendResult result, String destination) {
        Instant now = clock.instant();
        for (Long id : ids) {
            Notification n = Notification.findById(id);
            if (n == null || n.status != Notification.Status.PENDING) {
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
    }

    /** The rows of a removed or switched-off channel that were still waiting. */
    void cancelPending(Long channelId, String why) {
        Notification.update("status = ?1, lastError = ?2 where channelId = ?3 and status = ?4",
                Notification.Status.CANCELLED, why, channelId, Notification.Status.PENDING);
    }

    /** After a channel was fixed: its recent failures are tried again at once. */
    void retryFailed(Long channelId) {
        Instant now = clock.instant();
        Notification.update("status = ?1, dueAt = ?2, attempts = 0 where channelId = ?3 and status = ?4 and createdAt >= ?5",
                Notification.Status.PENDING, now, channelId, Notification.Status.FAILED, now.minus(config.giveUpAfter()));
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 500);
    }
}
