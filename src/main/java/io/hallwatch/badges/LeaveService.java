package io.hallwatch.badges;

import io.hallwatch.audit.AuditLog;
import io.hallwatch.audit.Changes;
import io.hallwatch.badges.AttendanceApi.LeaveRequest;
import io.hallwatch.badges.AttendanceApi.LeaveView;
import io.hallwatch.halls.Hall;
import io.hallwatch.halls.Staff;
import io.hallwatch.platform.ProblemException;
import io.hallwatch.rules.HallContext;
import io.hallwatch.rules.HallRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Leave of staff members, recorded by managers. Recording or removing leave judges again the days of
 * it the hall has already finalised, under the hall's lock, so that tallies and orders follow.
 */
@ApplicationScoped
@Transactional
public class LeaveService {

    @Inject
    HallRules rules;
    @Inject
    AttendanceDays days;
    @Inject
    AttendanceRules attendance;
    @Inject
    Clock clock;
    @Inject
    AuditLog audit;

    public LeaveView create(String staffId, LeaveRequest request) {
        Staff staff = staff(staffId);
        LeavePeriod period = period(request);
        HallContext hall = rules.lock(staff.hallId);
        StaffLeave leave = new StaffLeave();
        leave.staffId = staff.id;
        leave.hallId = staff.hallId;
        leave.startsLocal = period.start();
        leave.endsLocal = period.end();
        leave.fromText = period.from();
        leave.toText = period.to();
        leave.wholeDays = period.wholeDays();
        leave.kind = blankToNull(request.kind());
        leave.note = blankToNull(request.note());
        leave.createdAt = clock.instant();
        leave.persist();
        changed(hall, staff, leave);
        audit.record("leave.create", staff.hallId, staff.id,
                Changes.created(view(leave, hall.calendar().zone())).without("note"));
        return view(leave, hall.calendar().zone());
    }

    public List<LeaveView> list(String staffId) {
        Staff staff = staff(staffId);
        ZoneId zone = Hall.<Hall>findById(staff.hallId).zone();
        return StaffLeave.ofStaff(staff.id).stream().map(l -> view(l, zone)).toList();
    }

    public void delete(String staffId, long leaveId) {
        Staff staff = staff(staffId);
        StaffLeave leave = StaffLeave.findById(leaveId);
        if (leave == null || !leave.staffId.equals(staff.id)) {
            throw ProblemException.notFound("staff member '" + staffId + "' has no leave " + leaveId);
        }
        HallContext hall = rules.lock(staff.hallId);
        leave.delete();
        changed(hall, staff, leave);
        audit.record("leave.delete", staff.hallId, staff.id,
                Changes.deleted(view(leave, hall.calendar().zone())).without("note"));
    }

    private void changed(HallContext hall, Staff staff, StaffLeave leave) {
        Instant now = clock.instant();
        days.recomputeFinalised(hall, staff, leave.startsLocal.toLocalDate(), leave.endsLocal.minusNanos(1).toLocalDate(),
                now);
        attendance.ensure(hall, now);
    }

    private static Staff staff(String staffId) {
        Staff staff = Staff.findById(staffId);
        if (staff == null) {
            throw ProblemException.notFound("staff member '" + staffId + "' does not exist");
        }
        return staff;
    }

    private static LeavePeriod period(LeaveRequest request) {
        try {
            return LeavePeriod.parse(request.from(), request.to());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
    }

    static LeaveView view(StaffLeave l, ZoneId zone) {
        return new LeaveView(l.id, l.staffId, l.hallId, l.fromText, l.toText, l.wholeDays, l.kind, l.note,
                l.startsLocal.atZone(zone).toInstant(), l.endsLocal.atZone(zone).toInstant(), l.createdAt);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
