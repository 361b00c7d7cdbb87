package io.hallwatch.bench;

import io.hallwatch.calendar.HallCalendar;
import io.hallwatch.calendar.PublicHolidays;
import io.hallwatch.devices.Device;
import io.hallwatch.devices.DeviceKind;
import io.hallwatch.halls.OpeningHours;
import io.hallwatch.halls.RuleSettings;
import io.hallwatch.presence.WindowFacts;
import io.hallwatch.rules.HallContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The hall the rule benchmarks judge, built as the service builds it for a hall with the default
 * settings: Asia/Shanghai, open Monday to Friday 09:00-17:00 with lunch 12:00-13:30, the shipped
 * public holidays. Time is fixed at {@link #START}, a Monday at 10:00 when the hall is open, and device
 * time moves by {@link #STEP} per message, so that one measurement iteration stays within the morning
 * opening and every iteration judges the same stretch of the calendar.
 */
final class BenchHall {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Instant START = LocalDateTime.of(2026, 11, 23, 10, 0).atZone(ZONE).toInstant();
    /** The service clock of the parsing benchmarks (IngestProcessor asks it once per message). */
    static final Clock CLOCK = Clock.fixed(START, ZONE);
    /** Device time per message in the rule benchmarks: tens of millions of messages stay within seconds. */
    static final Duration STEP = Duration.ofNanos(1_000);
    static final String HALL = "load-h17";
    static final String WINDOW = "W07";
    /** The window's presence sensor and sign, and a bin in the hall's waiting zone. */
    static final String PRESENCE = "load-d12341";
    static final String SIGN = "load-d12349";
    static final String BIN = "load-d12354";
    static final WindowFacts FACTS = new WindowFacts(WINDOW, "7号窗口", "S13", "张三", "S14", "李四", PRESENCE, SIGN);

    private BenchHall() {
    }

    /** What HallRules.lock hands each rule: settings with defaults, the cached calendar, listening for a day. */
    static HallContext context() {
        HallCalendar calendar = new HallCalendar(ZONE, OpeningHours.defaults(), Map.of(), PublicHolidays.shipped(),
                List.of());
        return new HallContext(HALL, RuleSettings.defaults().withDefaults(), calendar, START.minus(Duration.ofDays(1)));
    }

    static Device device(String id, DeviceKind kind) {
        Device device = new Device();
        device.id = id;
        device.hallId = HALL;
        device.kind = kind;
        device.windowId = kind.watchesWindow() ? WINDOW : null;
        device.zone = kind.watchesWindow() ? null : "东侧等候区";
        return device;
    }
}
