package io.hallwatch.rules;

import io.hallwatch.calendar.CalendarDay;
import io.hallwatch.calendar.HallCalendar;
import io.hallwatch.calendar.PublicHolidays;
import io.hallwatch.halls.OpeningHours;
import io.hallwatch.halls.RuleSettings;
import io.hallwatch.workorders.OrderCommand;
import io.hallwatch.workorders.WorkOrderType;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the rule scenario tests share: a hall in Asia/Shanghai open Monday to Friday 09:00-17:00 with
 * lunch 12:00-13:30, the real public holidays, default rule settings, and times written as local
 * times ("2026-11-23T10:02" is a Monday).
 */
public final class RuleScenario {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private RuleScenario() {
    }

    public static HallContext hall() {
        return hall(RuleSettings.defaults(), List.of());
    }

    public static HallContext hall(RuleSettings settings, List<CalendarDay> days) {
        HallCalendar calendar = new HallCalendar(SHANGHAI, OpeningHours.defaults(), Map.of(), PublicHolidays.shipped(), days);
        return new HallContext("h1", settings.withDefaults(), calendar, at("2026-01-01T00:00"));
    }

    public static HallContext listeningSince(HallContext hall, String local) {
        return new HallContext(hall.hallId(), hall.settings(), hall.calendar(), at(local));
    }

    public static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    /** Collects the commands of several steps of a scenario. */
    public static final class Orders {
        private final List<OrderCommand> all = new ArrayList<>();

        public Outcome add(Outcome outcome) {
            all.addAll(outcome.commands());
            return outcome;
        }

        public List<OrderCommand> all() {
            return all;
        }

        public <C extends OrderCommand> List<C> of(Class<C> kind, WorkOrderType type) {
            return all.stream().filter(kind::isInstance).map(kind::cast).filter(c -> c.type() == type).toList();
        }

        public <C extends OrderCommand> C only(Class<C> kind, WorkOrderType type) {
            List<C> found = of(kind, type);
            if (found.size() != 1) {
                throw new AssertionError("expected one " + kind.getSimpleName() + " " + type + " but got " + all);
            }
            return found.get(0);
        }

        public void clear() {
            all.clear();
        }
    }
}
