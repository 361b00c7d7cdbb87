package io.hallwatch.devices;

import io.hallwatch.devices.DeviceApi.ProvisionDevice;
import io.hallwatch.devices.DeviceApi.Provisioned;
import io.hallwatch.halls.Hall;
import io.hallwatch.halls.HallWindow;
import io.hallwatch.platform.ProblemException;
import io.hallwatch.rules.HallRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/**
 * Provisioning and revocation of devices (ops staff). A revoked id can be provisioned again, for a
 * replacement device: it gets new credentials and starts with a clean state.
 */
@ApplicationScoped
@Transactional
public class DeviceService {

    @Inject
    Clock clock;
    @Inject
    HallRules rules;

    public Provisioned provision(ProvisionDevice request) {
        if (Hall.findById(request.hall()) == null) {
            throw ProblemException.notFound("hall '" + request.hall() + "' does not exist");
        }
        checkPlacement(request);
        Device device = Device.findById(request.id());
        if (device != null && device.isActive()) {
            throw ProblemException.conflict("device '" + request.id() + "' is already provisioned in hall '"
                    + device.hallId + "'; revoke it first to replace it");
        }
        if (device == null) {
            device = new Device();
            device.id = request.id();
        } else {
            rules.forgetDevice(device.id);
        }
        reset(device, request);
        String password = DeviceCredentials.newPassword();
        device.credentialHash = DeviceCredentials.hash(password);
        device.persist();
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

    /** Revokes the credentials; messages from the device are rejected from now on. */
    public void revoke(String id) {
        Device device = require(id);
        if (device.isActive()) {
            device.revokedAt = clock.instant();
            device.credentialHash = null;
            device.online = false;
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
