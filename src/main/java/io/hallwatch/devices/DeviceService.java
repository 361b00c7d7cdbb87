package io.hallwatch.devices;

import io.hallwatch.audit.AuditLog;
import io.hallwatch.devices.CredentialsChanged.Change;
import io.hallwatch.devices.DeviceApi.ProvisionDevice;
import io.hallwatch.devices.DeviceApi.Provisioned;
import io.hallwatch.halls.Hall;
import io.hallwatch.halls.HallWindow;
import io.hallwatch.ingest.BrokerAccess;
import io.hallwatch.platform.ProblemException;
import io.hallwatch.rules.HallRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Provisioning, credential rotation and revocation of devices (ops staff). A revoked id can be
 * provisioned again, for a replacement device: it gets new credentials and starts with a clean state.
 * Each change is written to the audit trail in the same transaction (never the password) and fires
 * {@link CredentialsChanged}, which brings the broker in step once the transaction has committed.
 */
@ApplicationScoped
@Transactional
public class DeviceService {

    @Inject
    Clock clock;
    @Inject
    HallRules rules;
    @Inject
    AuditLog audit;
    @Inject
    BrokerAccess access;
    @Inject
    Event<CredentialsChanged> changes;

    public Provisioned provision(ProvisionDevice request) {
        if (Hall.findById(request.hall()) == null) {
            throw ProblemException.notFound("hall '" + request.hall() + "' does not exist");
        }
        checkPlacement(request);
        checkId(request.id());
        Device device = Device.findById(request.id());
        if (device != null && device.isActive()) {
            // Not naming its hall: the caller may not work there (device ids are unique installation-wide).
            throw ProblemException.conflict("device '" + request.id() + "' is already provisioned; revoke it first to replace it");
        }
        boolean replacement = device != null;
        if (device == null) {
            device = new Device();
            device.id = request.id();
        } else {
            rules.forgetDevice(device.id);
        }
        reset(device, request);
        String password = newCredentials(device);
        device.persist();
        Map<String, Object> details = details(device);
        details.put("replacesRevoked", replacement);
        audit.record("device.provision", device.hallId, device.id, details);
        changes.fire(changed(Change.PROVISIONED, device, password));
        return Provisioned.of(device, password);
    }

    /**
     * Gives an active device a new password; the old one stops working at once (the broker is told
     * after the commit, and drops connections made with it).
     */
    public Provisioned rotate(String id) {
        Device device = require(id);
        if (!device.isActive()) {
            throw ProblemException.conflict("device '" + id + "' is revoked; provision it again to give it credentials");
        }
        String password = newCredentials(device);
        audit.record("device.rotate", device.hallId, device.id, details(device));
        changes.fire(changed(Change.ROTATED, device, password));
        return Provisioned.of(device, password);
    }

    public List<Device> list(String hallId) {
        if (hallId != null && Hall.findById(hallId) == null) {
            throw ProblemException.notFound("hall '" + hallId + "' does not exist");
        }
        return hallId == null ? Device.list("revokedAt is null order by id") : Device.activeOfHall(hallId);
    }

    public Device require(String id) {
        Device device = Device.findById(id);
        if (device == null) {
            throw ProblemException.notFound("device '" + id + "' does not exist");
        }
        return device;
    }

    /**
     * Revokes the credentials; messages from the device are rejected from now on. Revoking a revoked
     * device changes nothing here but tells the broker again, in case it missed the first time.
     */
    public void revoke(String id) {
        Device device = require(id);
        if (device.isActive()) {
            device.revokedAt = clock.instant();
            device.credentialHash = null;
            device.online = false;
            audit.record("device.revoke", device.hallId, device.id, details(device));
        }
        changes.fire(new CredentialsChanged(Change.REVOKED, device.id, device.hallId, device.kind, null, null));
    }

    private static String newCredentials(Device device) {
        String password = DeviceCredentials.newPassword();
        device.credentialHash = DeviceCredentials.hash(password);
        return password;
    }

    private static CredentialsChanged changed(Change change, Device device, String password) {
        return new CredentialsChanged(change, device.id, device.hallId, device.kind, password,
                DeviceCredentials.fingerprint(device.credentialHash));
    }

    /** What the audit trail says about the device: never the password or its hash, only the hash's fingerprint. */
    private static Map<String, Object> details(Device device) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", device.kind.wire());
        if (device.kind.watchesWindow()) {
            details.put("window", device.windowId);
        } else {
            details.put("zone", device.zone);
        }
        if (device.credentialHash != null) {
            details.put("credential", DeviceCredentials.fingerprint(device.credentialHash));
        }
        return details;
    }

    /** The id is the device's user name at the broker: it must not be a login that is not a device's. */
    private void checkId(String id) {
        if (access.isReservedUsername(id)) {
            throw ProblemException.badRequest("device id '" + id
                    + "' is the broker login of the service or of the broker's administrator; choose another id");
        }
    }

    private static void checkPlacement(ProvisionDevice request) {
        if (request.kind().watchesWindow()) {
            if (request.window() == null) {
                throw ProblemException.badRequest("window is required for a " + request.kind().wire() + " device");
            }
            if (HallWindow.find(request.hall(), request.window()).isEmpty()) {
                throw ProblemException.badRequest("window '" + request.window() + "' does not exist in hall '"
                        + request.hall() + "'");
            }
        } else if (request.window() != null) {
            throw ProblemException.badRequest("a " + request.kind().wire()
                    + " device stands in a zone, not at a window: use zone");
        }
    }

    private void reset(Device device, ProvisionDevice request) {
        device.hallId = request.hall();
        device.kind = request.kind();
        device.windowId = request.window();
        device.zone = request.zone();
        device.createdAt = clock.instant();
        device.revokedAt = null;
        device.lastSeen = null;
        device.battery = null;
        device.online = false;
        device.lastSeq = null;
        device.lastTs = null;
        device.occupied = null;
        device.signState = null;
        device.signShowing = null;
        device.signCode = null;
        device.fill = null;
        device.lastCard = null;
        device.lastAction = null;
    }
}
