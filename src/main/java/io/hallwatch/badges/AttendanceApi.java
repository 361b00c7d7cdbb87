package io.hallwatch.badges;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Request and answer bodies of the leave and attendance endpoints (see docs/attendance.md). */
public final class AttendanceApi {

    private AttendanceApi() {
    }

    /**
     * {@code POST /api/staff/{id}/leave}: {@code from}/{@code to} dates ({@code to} inclusive) or local
     * date-times in the hall's time zone; {@code kind} free text (annual, sick, business 公出...).
     */
    public record LeaveRequest(
            @NotBlank @Size(max = 16) String from,
            @NotBlank @Size(max = 16) String to,
            @Size(max = 40) String kind,
            @Size(max = 500) String note) {
    }

    /** A leave as recorded; {@code start}/{@code end} are its instants in the hall's current time zone. */
    public record LeaveView(Long id, String staff, String hall, String from, String to, boolean wholeDays,
            String kind, String note, Instant start, Instant end, Instant createdAt) {
    }

    /** One staff day; {@code final} false for today's day, judged as known so far. */
    public record DayView(String staff, String name, String hall, LocalDate date, Instant expectedIn,
            Instant expectedOut, Instant firstIn, Instant lastOut, boolean late, int lateMinutes, boolean early,
            int earlyMinutes, boolean absent, boolean onLeave, boolean missingOut, int taps, List<String> anomalies,
            @JsonProperty("final") boolean isFinal) {

        static DayView of(AttendanceDay d, String staff, String name, String hall, boolean isFinal) {
            return new DayView(staff, name, hall, d.date(), d.expectedIn(), d.expectedOut(), d.firstIn(), d.lastOut(),
                    d.late(), d.lateMinutes(), d.leftEarly(), d.earlyMinutes(), d.absent(), d.onLeave(), d.missingOut(),
                    d.taps(), d.anomalies(), isFinal);
        }
    }

    /** A staff member's finalised days of one calendar year, counted, with the hall's limits. */
    public record TallyView(String staff, String name, int year, int late, int early, int lateOrEarly, int absent,
            int lateOrEarlyLimit, int absentLimit) {
    }

    /** {@code GET /api/attendance}. */
    public record AttendanceView(List<DayView> days, List<TallyView> tallies) {
    }
}
