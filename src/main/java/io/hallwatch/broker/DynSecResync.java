package io.hallwatch.broker;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallwatch.broker.BrokerSyncState.Stale;
import io.hallwatch.broker.ClientCheck.Verdict;
import io.hallwatch.devices.Device;
import io.hallwatch.devices.DeviceCredentials;
import io.hallwatch.ingest.BrokerAccess;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares every device of the registry with the broker's clients, at start-up and every
 * {@code hallwatch.mqtt.dynsec.resync-interval}, and mends what it can without a password: deletes
 * clients of revoked devices, gives a client its lost role back, and disables a client that holds an
 * older password than the registry's (the service never keeps passwords, so it cannot restore one).
 * An active device without a current client is logged and listed as needing rotation. Each finding
 * is checked again against the registry and the broker, under the change lock, before it is acted on,
 * so a provisioning that commits meanwhile is not undone.
 */
@ApplicationScoped
class DynSecResync {

    @Inject
    DynSecClient client;
    @Inject
    BrokerSyncState state;
    @Inject
    BrokerAccess access;
    @Inject
    Clock clock;

    /** One comparison at a time: one listed earlier would undo the findings of a later one. */
    synchronized void run() {
        try {
            Map<String, JsonNode> clients = brokerClients();
            Map<String, String> fingerprints = activeFingerprints();
            Set<String> ids = new TreeSet<>(clients.keySet());
            ids.addAll(fingerprints.keySet());
            int mended = 0;
            for (String id : ids) {
                if (!state.pending().containsKey(id) && !access.isReservedUsername(id)
                        && compare(id, fingerprints.get(id), clients.get(id))) {
                    mended++;
                }
            }
            state.stale().keySet().retainAll(fingerprints.keySet());
            state.resynced(clock.instant());
            Log.infof("Compared %d active devices with the broker's %d clients: %d mended, %d need new credentials,"
                    + " %d changes pending", fingerprints.size(), clients.size(), mended, state.stale().size(),
                    state.pending().size());
        } catch (DynSecException e) {
            state.failed();
            Log.errorf("Could not compare the devices with the broker's clients: %s", e.getMessage());
        }
    }

    /** Returns whether the broker was changed. */
    private boolean compare(String id, String fingerprint, JsonNode client) {
        Verdict verdict = ClientCheck.judge(id, fingerprint, client);
        if (verdict == Verdict.IN_SYNC || verdict == Verdict.NONE) {
            state.stale().remove(id);
            return false;
        }
        return recheck(id);
    }

    private Map<String, JsonNode> brokerClients() {
        JsonNode listed = client.run(List.of(DynSecCommands.listClients())).get(0).data().path("clients");
        Map<String, JsonNode> clients = new HashMap<>();
        listed.forEach(c -> clients.put(c.path("username").asText(), c));
        return clients;
    }

    /** Looks at one device again, now, and acts; returns whether the broker was changed. */
    private boolean recheck(String id) {
        synchronized (state.lock()) {
            if (state.pending().containsKey(id)) {
                return false;
            }
            Device device = QuarkusTransaction.requiringNew().call(() -> Device.<Device>findById(id));
            String fingerprint = device != null && device.isActive()
                    ? DeviceCredentials.fingerprint(device.credentialHash) : null;
            JsonNode current = client.findClient(id);
            return act(id, device, ClientCheck.judge(id, fingerprint, current), current);
        }
    }

    private boolean act(String id, Device device, Verdict verdict, JsonNode current) {
        switch (verdict) {
            case ORPHAN:
                client.run(DynSecCommands.revoke(id));
                Log.infof("Deleted the broker's client of device %s, which is revoked or gone", id);
                return true;
            case ROLE_MISSING:
                client.run(DynSecCommands.repairRole(id, device.hallId, device.kind));
                Log.infof("Gave device %s its role at the broker back", id);
                return true;
            case STALE:
                if (DynSecCommands.isForeign(current)) {
                    return needsRotation(id, "the broker's client '" + id + "' was not made by HallWatch, which"
                            + " leaves it alone; revoke the device, or have the broker's administrator remove that client"
                            + " and then rotate the device's credentials");
                }
                if (!current.path("disabled").asBoolean(false)) {
                    client.run(List.of(DynSecCommands.disable(id)));
                }
                return needsRotation(id, "the broker held an older password than the registry's, so its client was"
                        + " disabled; rotate the credentials (POST /api/devices/" + id + "/rotate)");
            case MISSING:
                return needsRotation(id, "the broker has no client for it (its password never reached the broker);"
                        + " rotate the credentials (POST /api/devices/" + id + "/rotate)");
            default:
                state.stale().remove(id);
                return false;
        }
    }

    private boolean needsRotation(String id, String reason) {
        if (state.stale().putIfAbsent(id, new Stale(reason, clock.instant())) == null) {
            state.failed();
            Log.errorf("Device %s cannot connect to the broker: %s", id, reason);
        }
        return false;
    }

    private static Map<String, String> activeFingerprints() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, String> fingerprints = new HashMap<>();
            for (Device device : Device.<Device>list("revokedAt is null")) {
                fingerprints.put(device.id, DeviceCredentials.fingerprint(device.credentialHash));
            }
            return fingerprints;
        });
    }
}
