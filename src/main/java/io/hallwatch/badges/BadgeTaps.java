package io.hallwatch.badges;

import io.hallwatch.devices.Device;
import io.hallwatch.halls.Hall;
import io.hallwatch.halls.Staff;
import io.hallwatch.ingest.DeviceMessage;
import io.hallwatch.ingest.DeviceMessage.BadgeAction;
import io.hallwatch.rules.HallContext;
import io.hallwatch.rules.HallRules;
import io.hallwatch.timeseries.ReadingPoints;
import io.hallwatch.workorders.OrderCommand;
import io.hallwatch.workorders.WorkOrder;
import io.hallwatch.workorders.WorkOrderService;
import io.hallwatch.workorders.WorkOrderType;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Keeps every badge tap and runs the attendance rules it concerns, inside the ingest transaction: an
 * unknown card opens or notes UNKNOWN_CARD at its reader; a staff member's badge-in may resolve a
 * window's coverage order; a tap for a day already finalised judges that day again. Taps are counted
 * at {@code /q/metrics} as {@code hallwatch_badge_taps_total{arrival,card}}.
 */
@ApplicationScoped
public class BadgeTaps {

    @Inject

    ReadingPoints points;

    @Inject
    HallRules rules;
    @Inject
    AttendanceRules attendance;
    @Inject
    AttendanceDays days;
    @Inject
    CoverageRules coverage;
    @Inject
    WorkOrderService orders;
    @Inject
    MeterRegistry registry;
    @Inject
    Clock clock;

    /** A reader's tap; {@code outOfOrder}: older by device time than the newest reading of the reader. */
    public void tap(Device reader, DeviceMessage.Reading reading, boolean outOfOrder) {
        DeviceMessage.Badge badge = (DeviceMessage.Badge) reading.observation();
        Staff staff = Staff.byCardUnflushed(badge.card()).orElse(null);
        keep(reader, reading.ts(), badge, staff, outOfOrder);
        Instant now = clock.instant();
        HallContext hall = rules.lock(reader.hallId);
        attendance.ensure(hall, now);
        if (staff == null) {
            unknownCard(hall, reader, badge.card(), reading.ts());
        } else if (staff.hallId.equals(hall.hallId())) {
            known(hall, staff, badge.action(), reading.ts(), now);
        }
    }

    private void keep(Device reader, Instant ts, DeviceMessage.Badge badge, Staff staff, boolean outOfOrder) {
        BadgeTap tap = new BadgeTap();
        tap.hallId = reader.hallId;
        tap.deviceId = reader.id;
        tap.card = badge.card();
        tap.staffId = staff == null ? null : staff.id;
        tap.action = badge.action();
        tap.tappedAt = ts;
        // The registry gate has just set last-seen to when this message was received.
        tap.receivedAt = Objects.requireNonNullElseGet(reader.lastSeen, clock::instant);
        tap.outOfOrder = outOfOrder;
        tap.persist();
        points.tap(reader, badge, staff, ts);
        registry.counter("hallwatch.badge.taps", "arrival", outOfOrder ? "out_of_order" : "in_order",
                "card", staff == null ? "unknown" : "known").increment();
    }

    private void known(HallContext hall, Staff staff, BadgeAction action, Instant ts, Instant now) {
        if (action == BadgeAction.IN) {
            coverage.badgedIn(hall, staff.id, ts);
        }
        LocalDate date = LocalDate.ofInstant(ts, hall.calendar().zone());
        if (days.finalised(hall.hallId(), date)) {
            days.recompute(hall, staff, date, now);
        }
    }

    private void unknownCard(HallContext hall, Device reader, String card, Instant ts) {
        List<String> openCards = orders.findOpen(hall.hallId(), WorkOrderType.UNKNOWN_CARD, reader.id)
                .map(BadgeTaps::cards).orElse(null);
        List<OrderCommand> commands = new UnknownCardRule(reader.id, reader.zone).tap(card, ts, openCards);
        if (!commands.isEmpty()) {
            orders.apply(Hall.findById(hall.hallId()), commands);
        }
    }

    private static List<String> cards(WorkOrder order) {
        Object cards = order.details == null ? null : order.details.get("cards");
        if (cards instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        Object card = order.details == null ? null : order.details.get("card");
        return card == null ? List.of() : List.of(String.valueOf(card));
    }
}
