package io.hallwatch.halls;

import io.hallwatch.bins.BinRules;
import io.hallwatch.bins.FillEstimate;
import io.hallwatch.devices.Device;
import io.hallwatch.devices.DeviceKind;
import io.hallwatch.halls.HallStatus.BinStatus;
import io.hallwatch.halls.HallStatus.PresenceStatus;
import io.hallwatch.halls.HallStatus.ReaderStatus;
import io.hallwatch.halls.HallStatus.SignStatus;
import io.hallwatch.halls.HallStatus.WindowStatus;
import io.hallwatch.ingest.DeviceMessage.SignShowing;
import io.hallwatch.presence.WindowRules;
import io.hallwatch.presence.WindowState;
import io.hallwatch.rules.HallContext;
import io.hallwatch.rules.HallRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Assembles {@link HallStatus} from the registry, the devices' latest readings and the rules' view. */
@ApplicationScoped
public class HallStatusService {

    @Inject
    HallService halls;
    @Inject
    HallRules rules;
    @Inject
    WindowRules windowRules;
    @Inject
    BinRules binRules;
    @Inject
    Clock clock;

    @Transactional
    public HallStatus of(String hallId) {
        halls.require(hallId);
        HallContext hall = rules.context(hallId);
        Instant now = clock.instant();
        List<Device> devices = Device.activeOfHall(hallId);
        List<WindowStatus> windows = HallWindow.ofHall(hallId).stream()
                .map(w -> window(hall, w, devices, now))
                .toList();
        List<BinStatus> bins = devices.stream().filter(d -> d.kind == DeviceKind.BIN).map(d -> bin(hall, d)).toList();
        List<ReaderStatus> readers = devices.stream()
                .filter(d -> d.kind == DeviceKind.BADGE).map(ReaderStatus::of).toList();
        return new HallStatus(hallId, now, windows, bins, readers);
    }

    private WindowStatus window(HallContext hall, HallWindow w, List<Device> devices, Instant now) {
        WindowState s = windowRules.stored(hall.hallId(), w.windowId);
        boolean open = hall.calendar().isOpen(now, w.windowId);
        return new WindowStatus(w.windowId, w.name, w.staffA, w.staffB,
                PresenceStatus.of(watching(devices, w, DeviceKind.PRESENCE)),
                SignStatus.of(watching(devices, w, DeviceKind.SIGNAGE)),
                s == null ? (open ? "unknown" : "closed") : s.state(open), s == null ? null : s.vacantSince,
                s != null && s.offPostOpen);
    }

    private BinStatus bin(HallContext hall, Device d) {
        FillEstimate estimate = binRules.estimate(hall, d);
        return new BinStatus(d.id, d.zone, d.fill, d.lastTs, d.online, d.lastSeen, d.battery,
                estimate == null ? null : estimate.ratePerHour(), estimate == null ? null : estimate.fullAt());
    }

    private static Device watching(List<Device> devices, HallWindow window, DeviceKind kind) {
        return devices.stream()
                .filter(d -> d.kind == kind && window.windowId.equals(d.windowId))
                .findFirst().orElse(null);
    }
}
