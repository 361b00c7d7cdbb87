package io.hallwatch.halls;

import io.hallwatch.audit.AuditLog;
import io.hallwatch.audit.Changes;
import io.hallwatch.calendar.CalendarService;
import io.hallwatch.devices.Device;
import io.hallwatch.halls.HallApi.CreateHall;
import io.hallwatch.halls.HallApi.CreateStaff;
import io.hallwatch.halls.HallApi.CreateWindow;
import io.hallwatch.halls.HallApi.HallSettings;
import io.hallwatch.halls.HallApi.StaffView;
import io.hallwatch.halls.HallApi.WindowSettings;
import io.hallwatch.halls.HallApi.WindowView;
import io.hallwatch.platform.ProblemException;
import io.hallwatch.workorders.OrderDeadlines;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Provisioning of halls, their windows and their staff (ops staff). */
@ApplicationScoped
@Transactional
public class HallService {

    @Inject
    Clock clock;
    @Inject
    CalendarService calendars;
    @Inject
    AuditLog audit;

    public Hall create(CreateHall request) {
        if (Hall.findById(request.id()) != null) {
            throw ProblemException.conflict("hall '" + request.id() + "' already exists");
        }
        Hall hall = new Hall();
        hall.id = request.id();
        hall.createdAt = clock.instant();
        apply(hall, request.settings());
        hall.persist();
        audit.record("hall.create", hall.id, hall.id, Changes.created(HallApi.HallView.of(hall)));
        return hall;
    }

    public Hall replace(String hallId, HallSettings settings) {
        Hall hall = require(hallId);
        HallApi.HallView before = HallApi.HallView.of(hall);
        apply(hall, settings);
        calendars.invalidate(hallId);
        audit.record("hall.update", hallId, hallId, Changes.between(before, HallApi.HallView.of(hall)));
        return hall;
    }

    public List<Hall> list() {
        return Hall.listAll();
    }

    public Hall require(String hallId) {
        Hall hall = Hall.findById(hallId);
        if (hall == null) {
            throw ProblemException.notFound("hall '" + hallId + "' does not exist");
        }
        return hall;
    }

    public WindowView createWindow(String hallId, CreateWindow request) {
        require(hallId);
        if (HallWindow.find(hallId, request.id()).isPresent()) {
            throw ProblemException.conflict("window '" + request.id() + "' already exists in hall '" + hallId + "'");
        }
        HallWindow window = new HallWindow();
        window.hallId = hallId;
        window.windowId = request.id();
        apply(window, request.settings());
        window.persist();
        audit.record("window.create", hallId, window.windowId, Changes.created(view(window, List.of())));
        return view(window, List.of());
    }

    public WindowView replaceWindow(String hallId, String windowId, WindowSettings settings) {
        require(hallId);
        HallWindow window = HallWindow.find(hallId, windowId).orElseThrow(() -> ProblemException.notFound(
                "window '" + windowId + "' does not exist in hall '" + hallId + "'"));
        WindowView before = view(window, List.of());
        apply(window, settings);
        audit.record("window.update", hallId, windowId, Changes.between(before, view(window, List.of())));
        return view(window, Device.activeOfHall(hallId));
    }

    public List<WindowView> windows(String hallId) {
        require(hallId);
        List<Device> devices = Device.activeOfHall(hallId);
        return HallWindow.ofHall(hallId).stream().map(w -> view(w, devices)).toList();
    }

    public StaffView createStaff(CreateStaff request) {
        require(request.hall());
        if (Staff.findById(request.id()) != null) {
            throw ProblemException.conflict("staff '" + request.id() + "' already exists");
        }
        String card = request.card() == null ? null : request.card().toUpperCase(Locale.ROOT);
        if (card != null && Staff.byCard(card).isPresent()) {
            // Not naming the holder: they may be of a hall the caller does not work in.
            throw ProblemException.conflict("card '" + card + "' is already registered to a staff member");
        }
        Staff staff = new Staff();
        staff.id = request.id();
        staff.name = request.name();
        staff.hallId = request.hall();
        staff.card = card;
        staff.persist();
        audit.record("staff.create", staff.hallId, staff.id, Changes.created(StaffView.of(staff)));
        return StaffView.of(staff);
    }

    public List<StaffView> staff(String hallId) {
        if (hallId != null) {
            require(hallId);
        }
        List<Staff> staff = hallId == null ? Staff.listAll() : Staff.ofHall(hallId);
        return staff.stream().map(StaffView::of).toList();
    }

    private void requireStaffOf(String hallId, String field, String staffId) {
        if (staffId == null) {
            return;
        }
        Staff staff = Staff.findById(staffId);
        if (staff == null || !staff.hallId.equals(hallId)) {
            throw ProblemException.badRequest(field + " '" + staffId + "' is not a staff member of hall '" + hallId + "'");
        }
    }

    /** Checks and sets a window's settings; its hall's calendar changes with its hours. */
    private void apply(HallWindow window, WindowSettings settings) {
        requireStaffOf(window.hallId, "staffA", settings.staffA());
        requireStaffOf(window.hallId, "staffB", settings.staffB());
        if (settings.staffA().equals(settings.staffB())) {
            throw ProblemException.badRequest("staffB must be someone other than staffA");
        }
        if (settings.openingHours() != null && !settings.openingHours().problems().isEmpty()) {
            throw ProblemException.badRequest(String.join("; ", settings.openingHours().problems()));
        }
        window.name = settings.name();
        window.staffA = settings.staffA();
        window.staffB = settings.staffB();
        window.openingHours = settings.openingHours();
        calendars.invalidate(window.hallId);
    }

    private void apply(Hall hall, HallSettings settings) {
        List<String> problems = new ArrayList<>();
        try {
            ZoneId.of(settings.timezone());
        } catch (DateTimeException e) {
            problems.add("timezone '" + settings.timezone() + "' is not an IANA time zone such as Asia/Shanghai");
        }
        OpeningHours hours = Objects.requireNonNullElse(settings.openingHours(), OpeningHours.defaults());
        RuleSettings rules = Objects.requireNonNullElse(settings.rules(), RuleSettings.defaults()).withDefaults();
        problems.addAll(hours.problems());
        problems.addAll(rules.problems());
        OrderDeadlines deadlines = Objects.requireNonNullElse(settings.deadlines(), OrderDeadlines.defaults());
        problems.addAll(deadlines.problems());
        if (!problems.isEmpty()) {
            throw ProblemException.badRequest(String.join("; ", problems));
        }
        hall.name = settings.name();
        hall.timezone = settings.timezone();
        hall.language = Objects.requireNonNullElse(settings.language(), "zh");
        hall.openingHours = hours;
        hall.rules = rules;
        hall.deadlines = deadlines.withDefaults();
        hall.updatedAt = clock.instant();
    }

    private static WindowView view(HallWindow window, List<Device> devices) {
        List<String> watching = devices.stream()
                .filter(d -> window.windowId.equals(d.windowId)).map(d -> d.id).toList();
        return new WindowView(window.windowId, window.hallId, window.name, window.staffA, window.staffB,
                window.openingHours, watching);
    }
}
