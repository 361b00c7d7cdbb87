package io.hallwatch.timeseries;

import io.hallwatch.devices.Device;
import io.hallwatch.devices.DeviceKind;
import io.hallwatch.halls.Hall;
import io.hallwatch.halls.Staff;
import io.hallwatch.ingest.DeviceMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * Records what devices report (docs/influx-schema.md): presence, sign states, bin fills, badge taps
 * (through {@link #tap}, from the badge feature), batteries and online changes, at device time, in the
 * ingest transaction that accepted them.
 */
@ApplicationScoped
public class ReadingPoints {

    @Inject
    Recorder recorder;

    public void reading(Device device, DeviceMessage.Reading reading) {
        if (!recorder.enabled()) {
            return;
        }
        String line = reading.observation() == null ? null : observation(device, reading.observation(), reading.ts());
        if (line != null) {
            recorder.record(line);
        }
        if (reading.battery() != null) {
            recorder.record(health(device).field("battery", reading.battery()).at(reading.ts()));
        }
    }

    public void status(Device device, boolean online, Instant at) {
        if (!recorder.enabled()) {
            return;
        }
        recorder.record(health(device).field("online", online).at(at));
        if (device.kind == DeviceKind.SIGNAGE && !online) {
            recorder.record(Line.of("sign").tag("hall", device.hallId).tag("window", device.windowId).tag("device", device.id)
                    .field("state", "offline").field("showing", "").field("ok", false).field("code", "").at(at));
        }
    }

    private static String observation(Device device, DeviceMessage.Observation observation, Instant ts) {
        if (observation instanceof DeviceMessage.Presence p) {
            return Line.of("presence").tag("hall", device.hallId).tag("window", device.windowId).tag("device", device.id)
                    .field("occupied", p.occupied()).at(ts);
        }
        if (observation instanceof DeviceMessage.Signage s) {
            return Line.of("sign").tag("hall", device.hallId).tag("window", device.windowId).tag("device", device.id)
                    .field("state", Line.word(s.state())).field("showing", Line.word(s.showing()))
                    .field("ok", "ok".equals(Line.word(s.state()))).field("code", s.code()).at(ts);
        }
        if (observation instanceof DeviceMessage.BinFill b) {
            double full = Hall.<Hall>findById(device.hallId).rules.withDefaults().binFullPercent();
            return Line.of("bin_fill").tag("hall", device.hallId).tag("device", device.id).field("fill", b.fill())
                    .field("over_full", b.fill() >= full).field("full_percent", full).at(ts);
        }
        // Badge taps are recorded by the badge feature, which already knows whose card it is.
        return null;
    }

    /** A badge tap, late ones too, with the staff member the card belongs to (null: unknown card). */
    public void tap(Device reader, DeviceMessage.Badge tap, Staff staff, Instant ts) {
        if (recorder.enabled()) {
            recorder.record(Line.of("badge_tap").tag("hall", reader.hallId).tag("device", reader.id)
                    .tag("action", Line.word(tap.action())).tag("known", Boolean.toString(staff != null))
                    .field("staff", staff == null ? "" : staff.id).field("card", tap.card()).at(ts));
        }
    }

    private static Line health(Device device) {
        return Line.of("device_health").tag("hall", device.hallId).tag("device", device.id).tag("kind", device.kind.wire());
    }
}
