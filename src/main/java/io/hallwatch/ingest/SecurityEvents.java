package io.hallwatch.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counts and logs every refusal of a client as a security event: the counter
 * {@code hallwatch_security_events_total{reason}} (every reason registered at zero at start-up, so alerts can
 * watch its rate) and a WARN line naming who and what, at most {@value #LINES_PER_MINUTE} lines a
 * minute per reason, the next line saying how many were left out. Never logs a password or a payload.
 */
@Startup
@ApplicationScoped
public class SecurityEvents {

    static final int LINES_PER_MINUTE = 20;

    private final Map<SecurityEvent, Counter> counters = new EnumMap<>(SecurityEvent.class);
    private final Map<SecurityEvent, LogBudget> budgets = new EnumMap<>(SecurityEvent.class);
    private final Clock clock;

    @Inject
    SecurityEvents(MeterRegistry registry, Clock clock) {
        this.clock = clock;
        for (SecurityEvent reason : SecurityEvent.values()) {
            counters.put(reason, Counter.builder("hallwatch.security.events")
                    .description("Clients and messages refused by the broker or the service, by reason")
                    .tag("reason", reason.name()).register(registry));
            budgets.put(reason, new LogBudget(LINES_PER_MINUTE, Duration.ofMinutes(1)));
        }
    }

    /**
     * Records one refusal.
     *
     * @param who    the client as it presented itself (user name, client id, address), never its password
     * @param detail what it tried and why it was refused
     */
    public void refused(SecurityEvent reason, String who, String detail) {
        counters.get(reason).increment();
        long skipped;
        LogBudget budget = budgets.get(reason);
        synchronized (budget) {
            skipped = budget.tryLog(clock.instant());
        }
        if (skipped < 0) {
            return;
        }
        Log.warnf("Security event %s: %s: %s%s", reason, printable(who), printable(detail),
                skipped == 0 ? "" : " (" + skipped + " more " + reason + " not logged in the last minute)");
    }

    /** Client-supplied text in one bounded line: no line breaks to forge log lines with. */
    private static String printable(String text) {
        if (text == null) {
            return "-";
        }
        String line = text.replaceAll("[\\p{Cntrl}]", "?");
        return line.length() <= 300 ? line : line.substring(0, 300) + "…";
    }
}
