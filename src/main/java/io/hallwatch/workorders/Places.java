package io.hallwatch.workorders;

import io.hallwatch.devices.Device;
import io.hallwatch.halls.HallWindow;
import io.hallwatch.halls.Staff;

/** Names an order's subject for people: a window's name, a device's window or zone, a person's name. */
final class Places {

    private Places() {
    }

    static String of(String hallId, String subject) {
        var window = HallWindow.find(hallId, subject);
        if (window.isPresent()) {
            return window.get().name;
        }
        Device device = Device.findById(subject);
        if (device != null) {
            if (device.windowId != null) {
                return HallWindow.nameOf(hallId, device.windowId);
            }
            return device.zone == null || device.zone.isBlank() ? device.id : device.zone;
        }
        Staff staff = Staff.findById(subject);
        return staff == null ? subject : staff.name;
    }
}
