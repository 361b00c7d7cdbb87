package io.hallwatch.calendar;

import io.hallwatch.halls.Hall;
import io.hallwatch.halls.HallWindow;
import io.hallwatch.halls.OpeningHours;
import io.hallwatch.platform.ProblemException;
import io.hallwatch.platform.TransactionEnd;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.TransactionExceptionResult;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The calendar of a hall as stored now: its hours, its windows' own hours, its hall days and the
 * effective public holidays (uploaded years over shipped ones). Calendars are cached in memory, so a
 * warm {@link #of} does not touch the database. Whatever changes what a calendar is built from calls
 * {@link #invalidate} or {@link #invalidateAll}; inside a transaction the entry is dropped again when
 * the transaction ends, so that a calendar read before the commit (or of a rolled-back change) does
 * not survive it. Callable inside a transaction (joins it) and outside one (starts its own).
 */
@ApplicationScoped
public class CalendarService {

    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    Clock clock;

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Map<String, HallCalendar> calendars = new ConcurrentHashMap<>();
    private volatile PublicHolidays holidays;
    /** Bumped by every invalidation: a calendar built while one happened is not cached. */
    private long generation;

    /** Reads the holiday data at start, so that a broken data file stops the service there, not in a rule. */
    void onStart(@Observes StartupEvent event) {
        PublicHolidays effective = holidays();
        int year = LocalDate.now(clock.withZone(CHINA)).getYear();
        Log.infof("Public holiday data in effect for %s (shipped: %s)", effective.years(), PublicHolidays.shipped().years());
        for (int missing : List.of(year, year + 1)) {
            if (effective.year(missing).isEmpty()) {
                Log.warnf("No public holiday data for %d: holidays that year count as working days until the State"
                        + " Council notice is uploaded (PUT /api/calendar/public-holidays/%d)", missing, missing);
            }
        }
    }

    /** The calendar of that hall; 404 problem if the hall does not exist. */
    public HallCalendar of(String hallId) {
        HallCalendar cached = calendars.get(hallId);
        if (cached != null) {
            return cached;
        }
        return cacheUnlessInvalidated(() -> reading(() -> load(hallId)), built -> calendars.put(hallId, built));
    }

    /** The effective public holidays: shipped data with uploaded years in place of shipped ones. */
    public PublicHolidays holidays() {
        PublicHolidays cached = holidays;
        if (cached != null) {
            return cached;
        }
        return cacheUnlessInvalidated(() -> reading(CalendarService::loadHolidays), loaded -> holidays = loaded);
    }

    /** Drops the cached calendar of that hall (its hours, windows or days changed). */
    public void invalidate(String hallId) {
        drop(() -> calendars.remove(hallId));
    }

    /** Drops every cached calendar and the effective holidays (the holiday data changed). */
    public void invalidateAll() {
        drop(() -> {
            calendars.clear();
            holidays = null;
        });
    }

    /** Reads in the caller's transaction or a new one; an unknown hall must not doom the caller's. */
    private static <T> T reading(Callable<T> read) {
        return QuarkusTransaction.joiningExisting()
                .exceptionHandler(e -> e instanceof ProblemException
                        ? TransactionExceptionResult.COMMIT : TransactionExceptionResult.ROLLBACK)
                .call(read);
    }

    private <T> T cacheUnlessInvalidated(Supplier<T> build, Consumer<T> store) {
        long seen;
        synchronized (this) {
            seen = generation;
        }
        T built = build.get();
        synchronized (this) {
            if (generation == seen) {
                store.accept(built);
            }
        }
        return built;
    }

    private void drop(Runnable removal) {
        dropNow(removal);
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            TransactionEnd.onEnd(transactions, () -> dropNow(removal));
        }
    }

    private synchronized void dropNow(Runnable removal) {
        generation++;
        removal.run();
    }

    private HallCalendar load(String hallId) {
        Hall hall = Hall.findById(hallId);
        if (hall == null) {
            throw ProblemException.notFound("hall '" + hallId + "' does not exist");
        }
        Map<String, OpeningHours> windowHours = new HashMap<>();
        for (HallWindow window : HallWindow.ofHall(hallId)) {
            if (window.openingHours != null) {
                windowHours.put(window.windowId, window.openingHours);
            }
        }
        List<CalendarDay> days = HallCalendarDay.ofHall(hallId).stream().map(HallCalendarDay::toDay).toList();
        return new HallCalendar(hall.zone(), hall.openingHours, windowHours, holidays(), days);
    }

    private static PublicHolidays loadHolidays() {
        PublicHolidays effective = PublicHolidays.shipped();
        for (PublicHolidayYear year : PublicHolidayYear.<PublicHolidayYear>listAll()) {
            effective = effective.withYear(year.year, year.entries(), year.source);
        }
        return effective;
    }
}
