package io.hallwatch.halls;

import io.hallwatch.platform.Ids;
import io.hallwatch.workorders.OrderDeadlines;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Request and answer bodies of the hall, window and staff endpoints (contract, section 4). */
public final class HallApi {

    private HallApi() {
    }

    /** {@code POST /api/halls}; opening hours and rules default when left out. */
    public record CreateHall(
            @NotNull @Pattern(regexp = Ids.REGEX, message = Ids.MESSAGE) String id,
            @NotBlank @Size(max = 200) String name,
            @NotBlank String timezone,
            @Pattern(regexp = "zh|en", message = "must be zh or en") String language,
            OpeningHours openingHours,
            RuleSettings rules,
            OrderDeadlines deadlines) {

        public CreateHall(String id, String name, String timezone, String language, OpeningHours openingHours,
                RuleSettings rules) {
            this(id, name, timezone, language, openingHours, rules, null);
        }

        HallSettings settings() {
            return new HallSettings(name, timezone, language, openingHours, rules, deadlines);
        }
    }

    /**
     * {@code PUT /api/halls/{hall}}: replaces everything but the id. {@code deadlines} are the work-order
     * deadlines per type ({@code {"BIN_FULL": {"acknowledgeMinutes": 15, "resolveMinutes": 30}}}).
     */
    public record HallSettings(
            @NotBlank @Size(max = 200) String name,
            @NotBlank String timezone,
            @Pattern(regexp = "zh|en", message = "must be zh or en") String language,
            OpeningHours openingHours,
            RuleSettings rules,
            OrderDeadlines deadlines) {

        public HallSettings(String name, String timezone, String language, OpeningHours openingHours,
                RuleSettings rules) {
            this(name, timezone, language, openingHours, rules, null);
        }
    }

    public record HallView(String id, String name, String timezone, String language,
            OpeningHours openingHours, RuleSettings rules, OrderDeadlines deadlines) {

        static HallView of(Hall hall) {
            return new HallView(hall.id, hall.name, hall.timezone, hall.language, hall.openingHours, hall.rules,
                    hall.deadlines().withDefaults());
        }
    }

    /**
     * {@code POST /api/halls/{hall}/windows}; staff ids must belong to the hall, {@code staffB} is optional,
     * {@code openingHours} (optional) replaces the hall's weekly hours for this window.
     */
    public record CreateWindow(
            @NotNull @Pattern(regexp = Ids.REGEX, message = Ids.MESSAGE) String id,
            @NotBlank @Size(max = 200) String name,
            @NotNull @Pattern(regexp = Ids.REGEX, message = Ids.MESSAGE) String staffA,
            @Pattern(regexp = Ids.REGEX, message = Ids.MESSAGE) String staffB,
            OpeningHours openingHours) {

        public CreateWindow(String id, String name, String staffA, String staffB) {
            this(id, name, staffA, staffB, null);
        }

        WindowSettings settings() {
            return new WindowSettings(name, staffA, staffB, openingHours);
        }
    }

    /** {@code PUT /api/halls/{hall}/windows/{window}}: replaces everything but the id. */
    public record WindowSettings(
            @NotBlank @Size(max = 200) String name,
            @NotNull @Pattern(regexp = Ids.REGEX, message = Ids.MESSAGE) String staffA,
            @Pattern(regexp = Ids.REGEX, message = Ids.MESSAGE) String staffB,
            OpeningHours openingHours) {
    }

    /** A window with its own hours (null: the hall's) and the ids of the devices that watch it. */
    public record WindowView(String id, String hall, String name, String staffA, String staffB,
            OpeningHours openingHours, List<String> devices) {
    }

    /** {@code POST /api/staff}. */
    public record CreateStaff(
            @NotNull @Pattern(regexp = Ids.REGEX, message = Ids.MESSAGE) String id,
            @NotBlank @Size(max = 200) String name,
            @NotNull @Pattern(regexp = Ids.REGEX, message = Ids.MESSAGE) String hall,
            @Pattern(regexp = "[A-Za-z0-9:_-]{1,64}", message = "must be 1 to 64 characters of A-Z a-z 0-9 : _ -")
            String card) {
    }

    public record StaffView(String id, String name, String hall, String card) {

        static StaffView of(Staff staff) {
            return new StaffView(staff.id, staff.name, staff.hallId, staff.card);
        }
    }
}
