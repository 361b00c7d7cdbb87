package io.hallwatch.badges;

import io.hallwatch.halls.Staff;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A finalised working day of a staff member ({@link AttendanceDay} as stored), written at the hall's
 * closing time and rewritten when a late tap or leave changes it. At most one per staff member and date.
 * A hall day is finalised once it has records.
 */
@Entity
@Table(name = "attendance_day")
public class AttendanceRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "staff_id")
    public String staffId;
    @Column(name = "day_date")
    public LocalDate dayDate;
    @Column(name = "hall_id")
    public String hallId;
    @Column(name = "expected_in")
    public Instant expectedIn;
    @Column(name = "expected_out")
    public Instant expectedOut;
    @Column(name = "first_in")
    public Instant firstIn;
    @Column(name = "last_out")
    public Instant lastOut;
    @Column(name = "late_minutes")
    public int lateMinutes;
    @Column(name = "early_minutes")
    public int earlyMinutes;
    public boolean absent;
    @Column(name = "on_leave")
    public boolean onLeave;
    @Column(name = "missing_out")
    public boolean missingOut;
    public int taps;
    /** Comma-separated anomaly codes. */
    public String anomalies;
    @Column(name = "finalised_at")
    public Instant finalisedAt;

    void set(AttendanceDay d, Instant at) {
        expectedIn = d.expectedIn();
        expectedOut = d.expectedOut();
        firstIn = d.firstIn();
        lastOut = d.lastOut();
        lateMinutes = d.lateMinutes();
        earlyMinutes = d.earlyMinutes();
        absent = d.absent();
        onLeave = d.onLeave();
        missingOut = d.missingOut();
        taps = d.taps();
        anomalies = String.join(",", d.anomalies());
        finalisedAt = at;
    }

    AttendanceDay toDay() {
        List<String> codes = anomalies == null || anomalies.isEmpty() ? List.of() : Arrays.asList(anomalies.split(","));
        return new AttendanceDay(dayDate, expectedIn, expectedOut, firstIn, lastOut, lateMinutes, earlyMinutes, absent,
                onLeave, missingOut, taps, codes);
    }

    static Optional<AttendanceRecord> of(String staffId, LocalDate date) {
        return find("staffId = ?1 and dayDate = ?2", staffId, date).firstResultOptional();
    }

    /** The dates in [from, to] the hall has finalised. */
    static List<LocalDate> finalisedDates(String hallId, LocalDate from, LocalDate to) {
        return getEntityManager().createQuery("select distinct r.dayDate from AttendanceRecord r"
                + " where r.hallId = ?1 and r.dayDate between ?2 and ?3 order by r.dayDate", LocalDate.class)
                .setParameter(1, hallId).setParameter(2, from).setParameter(3, to).getResultList();
    }

    static List<AttendanceRecord> ofStaff(Collection<String> staffIds, LocalDate from, LocalDate to) {
        return list("staffId in ?1 and dayDate between ?2 and ?3 order by dayDate, staffId", staffIds, from, to);
    }

    /** The staff member's finalised days of that calendar year, counted. */
    static YearTally tally(Staff staff, int year) {
        Object[] row = getEntityManager().createQuery("select"
                + " count(case when r.lateMinutes > 0 then 1 end),"
                + " count(case when r.earlyMinutes > 0 then 1 end),"
                + " count(case when r.absent = true then 1 end)"
                + " from AttendanceRecord r where r.staffId = ?1 and r.dayDate between ?2 and ?3", Object[].class)
                .setParameter(1, staff.id).setParameter(2, LocalDate.of(year, 1, 1))
                .setParameter(3, LocalDate.of(year, 12, 31)).getSingleResult();
        return new YearTally(staff.id, staff.name, year, count(row[0]), count(row[1]), count(row[2]));
    }

    private static int count(Object value) {
        return value == null ? 0 : ((Number) value).intValue();
    }
}
