package io.hallwatch.calendar;

import io.hallwatch.audit.AuditLog;
import io.hallwatch.audit.Changes;
import io.hallwatch.calendar.CalendarApi.HolidayUpload;
import io.hallwatch.calendar.CalendarApi.HolidayYearSummary;
import io.hallwatch.calendar.CalendarApi.HolidayYearView;
import io.hallwatch.calendar.CalendarApi.Origin;
import io.hallwatch.calendar.PublicHolidays.Entry;
import io.hallwatch.platform.ProblemException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The public holiday years in effect: shipped ones, and uploaded ones that replace a shipped year
 * (or add a year the release does not have) until they are deleted.
 */
@ApplicationScoped
@Transactional
public class PublicHolidayService {

    @Inject
    CalendarService calendars;
    @Inject
    Clock clock;
    @Inject
    AuditLog audit;

    public List<HolidayYearSummary> years() {
        Set<Integer> years = new TreeSet<>(PublicHolidays.shipped().years());
        PublicHolidayYear.<PublicHolidayYear>listAll().forEach(y -> years.add(y.year));
        return years.stream().map(this::year).map(PublicHolidayService::summary).toList();
    }

    public HolidayYearView year(int year) {
        PublicHolidayYear uploaded = PublicHolidayYear.findById(year);
        if (uploaded != null) {
            return new HolidayYearView(year, Origin.UPLOADED, uploaded.source, uploaded.uploadedAt, uploaded.entries());
        }
        return PublicHolidays.shipped().year(year)
                .map(y -> new HolidayYearView(year, Origin.SHIPPED, y.source(), null, y.entries()))
                .orElseThrow(() -> ProblemException.notFound("no public holiday data for " + year + "; shipped years are "
                        + PublicHolidays.shipped().years() + "; upload the dates of the State Council notice with"
                        + " PUT /api/calendar/public-holidays/" + year));
    }

    /** Replaces the data of that year with the uploaded list. */
    public HolidayYearView replace(int year, HolidayUpload upload) {
        List<String> problems = PublicHolidays.problems(year, upload.days());
        if (!problems.isEmpty()) {
            throw ProblemException.badRequest(String.join("; ", problems));
        }
        PublicHolidayYear row = PublicHolidayYear.findById(year);
        boolean created = row == null;
        if (created) {
            row = new PublicHolidayYear();
            row.year = year;
        }
        row.days = new PublicHolidayYear.Days(upload.days().stream().sorted(Comparator.comparing(Entry::date)).toList());
        row.source = upload.source();
        row.uploadedAt = clock.instant();
        if (created) {
            row.persist();
        }
        calendars.invalidateAll();
        audit.record("holidays.upload", null, String.valueOf(year), Changes.of("source", upload.source())
                .with("replacedUpload", !created).with("days", row.entries()));
        Log.infof("Public holidays of %d replaced by an upload (%d dates, source: %s)", year, upload.days().size(),
                upload.source());
        return year(year);
    }

    /** Goes back to the shipped data of that year (none, if the release has none). */
    public void delete(int year) {
        if (!PublicHolidayYear.deleteById(year)) {
            throw ProblemException.notFound("no uploaded public holiday data for " + year);
        }
        calendars.invalidateAll();
        audit.record("holidays.delete", null, String.valueOf(year), null);
    }

    private static HolidayYearSummary summary(HolidayYearView view) {
        long holidays = view.days().stream().filter(e -> e.kind() == PublicHolidays.Kind.HOLIDAY).count();
        return new HolidayYearSummary(view.year(), view.origin(), view.source(), holidays, view.days().size() - holidays);
    }
}
