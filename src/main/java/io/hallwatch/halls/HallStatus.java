package io.hallwatch.halls;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.hallwatch.devices.Device;
import java.time.Instant;
import java.util.List;

/**
 * What a hall looks like now, from the latest accepted reading of each device: each window's
 * presence and sign, each bin's fill, each badge reader's last tap. {@code at} is the device time of
 * the reading; a device that never reported has null readings.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record HallStatus(String hall, Instant generatedAt, List<WindowStatus> windows, List<BinStatus> bins,
        List<ReaderStatus> badgeReaders) {

    /** This status without who last badged in or out (attendance data), for callers who may not see it. */
    public HallStatus withoutTaps() {
        return new HallStatus(hall, generatedAt, windows, bins, badgeReaders.stream()
                .map(r -> new ReaderStatus(r.device(), r.zone(), null, null, r.at(), r.online(), r.lastSeen())).toList());
    }

    /**
     * A window with its devices and how the rules see it now: {@code state} is {@code closed} (outside
     * its opening hours), {@code staffed}, {@code paused} (vacant behind a pause sign), {@code vacant},
     * or {@code unknown} (no reading yet, or its presence sensor has failed); {@code vacantSince} is the
     * start of the current vacancy and {@code offPost} whether an OFF_POST order is open for it.
     */
    public record WindowStatus(String id, String name, String staffA, String staffB,
            PresenceStatus presence, SignStatus sign, String state, Instant vacantSince, boolean offPost) {
    }

    public record PresenceStatus(String device, Boolean occupied, Instant at, boolean online, Instant lastSeen,
            Double battery) {

        static PresenceStatus of(Device d) {
            return d == null ? null : new PresenceStatus(d.id, d.occupied, d.lastTs, d.online, d.lastSeen, d.battery);
        }
    }

    public record SignStatus(String device, String state, String showing, String code, Instant at, boolean online,
            Instant lastSeen) {

        static SignStatus of(Device d) {
            return d == null ? null
                    : new SignStatus(d.id, d.signState, d.signShowing, d.signCode, d.lastTs, d.online, d.lastSeen);
        }
    }

    /**
     * A bin with its latest fill and, once a few readings show it filling, the fill rate in points per
     * hour and when it will be full at that rate ({@code fullAt}, the time it became full if it is).
     */
    public record BinStatus(String device, String zone, Double fill, Instant at, boolean online, Instant lastSeen,
            Double battery, Double fillRatePerHour, Instant fullAt) {
    }

    public record ReaderStatus(String device, String zone, String lastCard, String lastAction, Instant at,
            boolean online, Instant lastSeen) {

        static ReaderStatus of(Device d) {
            return new ReaderStatus(d.id, d.zone, d.lastCard, d.lastAction, d.lastTs, d.online, d.lastSeen);
        }
    }
}
