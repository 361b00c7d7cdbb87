package io.hallwatch.broker;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallwatch.broker.BrokerApi.SyncState;
import io.hallwatch.broker.BrokerSyncState.Pending;
import io.hallwatch.broker.DynSecClient.Answer;
import io.hallwatch.devices.CredentialsChanged;
import io.hallwatch.ingest.BrokerAccess;
import io.hallwatch.ingest.MqttConfig;
import io.hallwatch.ingest.MqttTls;
import io.hallwatch.platform.ProblemException;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Keeps device identities at a Mosquitto with dynamic security ({@code hallwatch.mqtt.dynsec.enabled}):
 * at start-up it makes sure the service's own client and role exist (before the service connects);
 * each provisioning, rotation and revocation goes to the broker as soon as its transaction has
 * committed, so that it holds when the REST call answers; a change the broker does not take is
 * logged, counted, kept and tried again every {@code retry-interval}, the newest change of a device
 * replacing an older one. {@link DynSecResync} compares all devices with the broker's clients.
 */
@ApplicationScoped
public class DynSecSync {

    @Inject
    MqttConfig config;
    @Inject
    DynSecClient client;
    @Inject
    DynSecResync resync;
    @Inject
    BrokerSyncState state;
    @Inject
    BrokerAccess access;
    @Inject
    Clock clock;

    private volatile boolean accountReady;

    /** Before {@code MqttIngest} (200) connects with the service's login, which this may have to create. */
    void onStart(@Observes @Priority(150) StartupEvent event) {
        if (!enabled()) {
            return;
        }
        checkConfig(config);
        warnIfPlainText(config.url().orElseThrow());
        client.open();
        if (client.awaitReady(config.dynsec().timeout().multipliedBy(2))) {
            ensureServiceAccount();
        } else {
            Log.warnf("The broker's dynamic-security API is not reachable yet; device identities will be kept in"
                    + " step once it is (tried every %d s)", config.dynsec().retryInterval().toSeconds());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        client.close();
    }

    /** A device's credentials changed and are committed: tell the broker now. */
    void onCredentialsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) CredentialsChanged change) {
        if (!enabled()) {
            return;
        }
        synchronized (state.lock()) {
            state.stale().remove(change.deviceId());
            state.pending().remove(change.deviceId());
            attempt(new Pending(change, 0, clock.instant(), null));
        }
    }

    /**
     * Within the transaction of a provisioning or rotation, before anything is committed: refuses the
     * change when the device's name belongs to a broker client HallWatch did not make, so that nothing
     * changes and the caller learns why. A broker that does not answer now refuses nothing: the change
     * is then checked again when it is applied.
     */
    void refuseForeignName(@Observes CredentialsChanged change) {
        if (!enabled() || change.change() == CredentialsChanged.Change.REVOKED || !client.isReady()) {
            return;
        }
        JsonNode current;
        try {
            current = client.findClient(change.deviceId());
        } catch (DynSecException e) {
            return;
        }
        if (DynSecCommands.isForeign(current)) {
            throw ProblemException.conflict("device id '" + change.deviceId() + "': " + foreignClient(change.deviceId())
                    + "; have the broker's administrator remove or rename that client, or use another device id");
        }
    }

    @Scheduled(every = "${hallwatch.mqtt.dynsec.retry-interval:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retry() {
        if (!enabled() || !client.isReady()) {
            return;
        }
        if (!accountReady) {
            ensureServiceAccount();
        }
        for (Pending pending : List.copyOf(state.pending().values())) {
            synchronized (state.lock()) {
                // A newer change of the same device replaced this one meanwhile: that one counts.
                if (state.pending().get(pending.change().deviceId()) == pending) {
                    attempt(pending);
                }
            }
        }
        if (state.lastResync().isEmpty()) {
            resync.run();
        }
    }

    @Scheduled(every = "${hallwatch.mqtt.dynsec.resync-interval:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void periodicResync() {
        // The first comparison is the retry's, once the broker answers.
        if (enabled() && client.isReady() && state.lastResync().isPresent()) {
            resync.run();
        }
    }

    /** {@code IN_SYNC}, {@code PENDING} or {@code NEEDS_ROTATION}; empty when the service keeps no broker. */
    public Optional<String> status(String deviceId) {
        return enabled() ? Optional.of(state.of(deviceId)) : Optional.empty();
    }

    public SyncState view() {
        return new SyncState(enabled(), enabled() && client.isReady(), state.lastResync().orElse(null),
                state.pendingChanges(), state.needingRotation());
    }

    /** Applies a change, or keeps it for the next retry; callers hold {@code state.lock()}. */
    private void attempt(Pending pending) {
        CredentialsChanged change = pending.change();
        if (access.isReservedUsername(change.deviceId())) {
            Log.errorf("Not changing %s at the broker: it is the login of the service or the broker's administrator",
                    change.deviceId());
            return;
        }
        try {
            apply(change);
            state.pending().remove(change.deviceId());
            if (pending.attempts() > 0) {
                Log.infof("The broker took %s after %d failed attempts", change, pending.attempts());
            }
        } catch (DynSecException e) {
            state.failed();
            state.pending().put(change.deviceId(),
                    new Pending(change, pending.attempts() + 1, pending.since(), e.getMessage()));
            if (pending.attempts() == 0) {
                Log.errorf("The broker did not take %s (%s): %s until it does; trying again every %d s (GET"
                        + " /api/broker/sync)", change, e.getMessage(), consequence(change),
                        config.dynsec().retryInterval().toSeconds());
            }
        }
    }

    private void apply(CredentialsChanged change) {
        String id = change.deviceId();
        JsonNode current = client.findClient(id);
        if (DynSecCommands.isForeign(current)) {
            applyBesideForeign(change);
        } else if (change.change() == CredentialsChanged.Change.REVOKED) {
            client.run(DynSecCommands.revoke(id));
        } else if (current == null) {
            client.run(provision(change));
        } else if (change.change() == CredentialsChanged.Change.ROTATED) {
            List<Answer> answers = client.run(DynSecCommands.rotate(id, change.password(), change.fingerprint()));
            if (answers.get(0).error() != null) {
                // The broker lost the client since we looked: make it anew with the new password.
                client.run(provision(change));
            }
        } else {
            client.run(provision(change));
        }
    }

    /**
     * Someone else's client has the device's name: it is never deleted, replaced or taken over. A
     * revocation removes only the device's role; a new password stays pending (and listed) until the
     * client is gone or the device revoked.
     */
    private void applyBesideForeign(CredentialsChanged change) {
        if (change.change() != CredentialsChanged.Change.REVOKED) {
            throw new DynSecException(foreignClient(change.deviceId()));
        }
        client.run(DynSecCommands.revokeRole(change.deviceId()));
        Log.warnf("Revoked device %s but left the broker's client of that name alone: HallWatch did not make it",
                change.deviceId());
    }

    private static String foreignClient(String id) {
        return "the broker already has a client '" + id + "' that HallWatch did not make (an administrator's, a"
                + " bridge's or a person's); HallWatch never replaces such a client";
    }

    private static List<DynSecCommand> provision(CredentialsChanged change) {
        return DynSecCommands.provision(change.deviceId(), change.hall(), change.kind(), change.password(),
                change.fingerprint());
    }

    private static String consequence(CredentialsChanged change) {
        return change.change() == CredentialsChanged.Change.REVOKED
                ? "the device can still log in (the service rejects its messages)"
                : "the device cannot log in with its new password";
    }

    /** The service's role, and its client with that role (created with the configured password if missing). */
    private void ensureServiceAccount() {
        String username = config.username().orElseThrow();
        try {
            client.run(DynSecCommands.serviceRole());
            Answer found = client.run(List.of(DynSecCommands.getClient(username).tolerating("not found"))).get(0);
            if (found.error() != null) {
                client.run(List.of(DynSecCommands.createServiceClient(username, config.password().orElseThrow())));
                Log.infof("Created the service's client '%s' at the broker", username);
            } else if (!hasServiceRole(found.data().path("client"))) {
                client.run(List.of(DynSecCommands.addServiceRole(username)));
            }
            accountReady = true;
        } catch (DynSecException e) {
            state.failed();
            Log.errorf("Could not set up the service's client '%s' at the broker: %s", username, e.getMessage());
        }
    }

    private static boolean hasServiceRole(JsonNode client) {
        for (JsonNode role : client.path("roles")) {
            if (DynSecCommands.SERVICE_ROLE.equals(role.path("rolename").asText())) {
                return true;
            }
        }
        return false;
    }

    /** The administrator's commands carry device passwords: over plain MQTT they cross the network readable. */
    private static void warnIfPlainText(String url) {
        String host = URI.create(url).getHost();
        boolean local = host == null || host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
        if (!MqttTls.isTls(url) && !local) {
            Log.warnf("hallwatch.mqtt.url %s is not TLS: device passwords go to the broker's dynamic-security API"
                    + " readable by anyone on the way; use an ssl:// URL (docs/security.md, TLS)", url);
        }
    }

    private boolean enabled() {
        return config.dynsec().enabled();
    }

    /** Impossible settings stop start-up, naming the property. */
    static void checkConfig(MqttConfig config) {
        String missing = config.url().isEmpty() ? "hallwatch.mqtt.url"
                : config.username().isEmpty() ? "hallwatch.mqtt.username"
                : config.password().isEmpty() ? "hallwatch.mqtt.password"
                : config.dynsec().adminUsername().isEmpty() ? "hallwatch.mqtt.dynsec.admin-username"
                : config.dynsec().adminPassword().isEmpty() ? "hallwatch.mqtt.dynsec.admin-password" : null;
        if (missing != null) {
            throw new IllegalStateException(missing + ": required when hallwatch.mqtt.dynsec.enabled=true");
        }
    }
}
