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

    public record WindowStatus(String id, String name, String staffA, String staffB,
            PresenceStatus presence, SignStatus sign) {
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

    public record BinStatus(String device, String zone, Double fill, Instant at, boolean online, Instant lastSeen,
            Double battery) {

        static BinStatus of(Device d) {
            return new BinStatus(d.id, d.zone, d.fill, d.lastTs, d.online, d.lastSeen, d.battery);
        }
    }

    public record ReaderStatus(String device, String zone, String lastCard, String lastAction, Instant at,
            boolean online, Instant lastSeen) {

        static ReaderStatus of(Device d) {
            return new ReaderStatus(d.id, d.zone, d.lastCard, d.lastAction, d.lastTs, d.online, d.lastSeen);
        }
    }
}
