package io.hallwatch.broker;

import io.hallwatch.broker.BrokerApi.NeedsRotation;
import io.hallwatch.broker.BrokerApi.PendingChange;
import io.hallwatch.devices.CredentialsChanged;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the service knows of device identities at a broker it keeps (in memory; a re-sync after a
 * restart finds what is still out of step): changes the broker has not taken yet, devices that need
 * new credentials, and the lock that keeps one change to the broker at a time. Exposed at
 * {@code /api/broker/sync}, per device as {@code brokerSync}, and as the metrics
 * {@code hallwatch_broker_sync_pending}, {@code hallwatch_broker_sync_needs_rotation} and
 * {@code hallwatch_broker_sync_failures_total}.
 */
@Startup
@ApplicationScoped
public class BrokerSyncState {

    /** The last change of a device the broker has not taken, with how often it was tried. */
    record Pending(CredentialsChanged change, int attempts, Instant since, String lastError) {
    }

    /** Why a device cannot connect until its credentials are rotated. */
    record Stale(String reason, Instant since) {
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, Stale> stale = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private volatile Instant lastResync;
    private final Counter failures;

    @Inject
    BrokerSyncState(MeterRegistry registry) {
        Gauge.builder("hallwatch.broker.sync.pending", pending, Map::size)
                .description("Device credential changes the broker has not taken yet").register(registry);
        Gauge.builder("hallwatch.broker.sync.needs.rotation", stale, Map::size)
                .description("Active devices the broker holds no current password for").register(registry);
        failures = Counter.builder("hallwatch.broker.sync.failures")
                .description("Attempts to change device identities at the broker that failed").register(registry);
    }

    /** Changes the broker has not taken yet, by device id. */
    Map<String, Pending> pending() {
        return pending;
    }

    /** Active devices that need new credentials, by device id. */
    Map<String, Stale> stale() {
        return stale;
    }

    /** Held while a change goes to the broker, so that the changes of one device arrive in order. */
    Object lock() {
        return lock;
    }

    void resynced(Instant at) {
        lastResync = at;
    }

    void failed() {
        failures.increment();
    }

    /** {@code PENDING}, {@code NEEDS_ROTATION} or {@code IN_SYNC}. */
    String of(String deviceId) {
        if (pending.containsKey(deviceId)) {
            return "PENDING";
        }
        return stale.containsKey(deviceId) ? "NEEDS_ROTATION" : "IN_SYNC";
    }

    List<PendingChange> pendingChanges() {
        return pending.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new PendingChange(e.getKey(), e.getValue().change().change().name(), e.getValue().attempts(),
                        e.getValue().since(), e.getValue().lastError()))
                .toList();
    }

    List<NeedsRotation> needingRotation() {
        return stale.entrySet().stream().sorted(Comparator.comparing(Map.Entry::getKey))
                .map(e -> new NeedsRotation(e.getKey(), e.getValue().reason(), e.getValue().since())).toList();
    }

    Optional<Instant> lastResync() {
        return Optional.ofNullable(lastResync);
    }
}
