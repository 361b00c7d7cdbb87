package io.hallwatch.badges;

import io.hallwatch.calendar.Interval;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * Leave of a staff member recorded by a manager (annual, sick, business trip 公出...), in the hall's
 * local time so that it keeps its wall-clock meaning: [{@code startsLocal}, {@code endsLocal}).
 * {@code fromText}/{@code toText} are what the manager gave (dates or local date-times).
 */
@Entity
@Table(name = "staff_leave")
public class StaffLeave extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "staff_id")
    public String staffId;
    @Column(name = "hall_id")
    public String hallId;
    @Column(name = "starts_local")
    public LocalDateTime startsLocal;
    @Column(name = "ends_local")
    public LocalDateTime endsLocal;
    @Column(name = "from_text")
    public String fromText;
    @Column(name = "to_text")
    public String toText;
    @Column(name = "whole_days")
    public boolean wholeDays;
    public String kind;
    public String note;
    @Column(name = "created_at")
    public Instant createdAt;

    /** The leave as instants in that time zone; null when it is empty there (inside a DST gap). */
    public Interval in(ZoneId zone) {
        Instant start = startsLocal.atZone(zone).toInstant();
        Instant end = endsLocal.atZone(zone).toInstant();
        return start.isBefore(end) ? new Interval(start, end) : null;
    }

    /** A staff member's leave meeting [from, to) (local times). */
    public static List<StaffLeave> overlapping(String staffId, LocalDateTime from, LocalDateTime to) {
        return list("staffId = ?1 and startsLocal < ?2 and endsLocal > ?3 order by startsLocal", staffId, to, from);
    }

    public static List<StaffLeave> ofStaff(String staffId) {
        return list("staffId = ?1 order by startsLocal, id", staffId);
    }
}
