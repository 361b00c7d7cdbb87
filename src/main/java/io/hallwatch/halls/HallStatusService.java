package io.hallwatch.halls;

import io.hallwatch.devices.Device;
import io.hallwatch.devices.DeviceKind;
import io.hallwatch.halls.HallStatus.BinStatus;
import io.hallwatch.halls.HallStatus.PresenceStatus;
import io.hallwatch.halls.HallStatus.ReaderStatus;
import io.hallwatch.halls.HallStatus.SignStatus;
import io.hallwatch.halls.HallStatus.WindowStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/** Assembles {@link HallStatus} from the registry and the devices' latest readings. */
@ApplicationScoped
public class HallStatusService {

    @Inject
    HallService halls;
    @Inject
    Clock clock;

    @Transactional
    public HallStatus of(String hallId) {
        halls.require(hallId);
        List<Device> devices = Device.activeOfHall(hallId);
        List<WindowStatus> windows = HallWindow.ofHall(hallId).stream()
                .map(w -> new WindowStatus(w.windowId, w.name, w.staffA, w.staffB,
                        PresenceStatus.of(watching(devices, w, DeviceKind.PRESENCE)),
                        SignStatus.of(watching(devices, w, DeviceKind.SIGNAGE))))
                .toList();
        List<BinStatus> bins = devices.stream().filter(d -> d.kind == DeviceKind.BIN).map(BinStatus::of).toList();
        List<ReaderStatus> readers = devices.stream()
                .filter(d -> d.kind == DeviceKind.BADGE).map(ReaderStatus::of).toList();
        return new HallStatus(hallId, clock.instant(), windows, bins, readers);
    }

    private static Device watching(List<Device> devices, HallWindow window, DeviceKind kind) {
        return devices.stream()
                .filter(d -> d.kind == kind && window.windowId.equals(d.windowId))
                .findFirst().orElse(null);
    }
}
