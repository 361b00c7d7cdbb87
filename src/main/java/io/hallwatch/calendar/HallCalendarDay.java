package io.hallwatch.calendar;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The stored form of a {@link CalendarDay}: at most one per hall and date. */
@Entity
@Table(name = "hall_calendar_day")
public class HallCalendarDay extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long pk;
    @Column(name = "hall_id")
    public String hallId;
    @Column(name = "day_date")
    public LocalDate date;
    @Column(name = "is_open")
    public boolean open;
    @Column(name = "open_at")
    public LocalTime openAt;
    @Column(name = "close_at")
    public LocalTime closeAt;
    @Column(name = "lunch_start")
    public LocalTime lunchStart;
    @Column(name = "lunch_end")
    public LocalTime lunchEnd;
    @Convert(converter = WindowIdsColumn.class)
    public List<String> windows;
    public String note;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Optional<HallCalendarDay> find(String hallId, LocalDate date) {
        return find("hallId = ?1 and date = ?2", hallId, date).firstResultOptional();
    }

    public static List<HallCalendarDay> ofHall(String hallId) {
        return list("hallId = ?1 order by date", hallId);
    }

    public static List<HallCalendarDay> between(String hallId, LocalDate from, LocalDate to) {
        return list("hallId = ?1 and date >= ?2 and date <= ?3 order by date", hallId, from, to);
    }

    public void set(CalendarDay day) {
        date = day.date();
        open = day.open();
        openAt = day.openAt();
        closeAt = day.closeAt();
        lunchStart = day.lunchStart();
        lunchEnd = day.lunchEnd();
        windows = day.windows();
        note = day.note();
    }

    public CalendarDay toDay() {
        return new CalendarDay(date, open, openAt, closeAt, lunchStart, lunchEnd, windows, note);
    }

    /** Window ids as comma-separated text: ids cannot contain commas (see {@code Ids}). */
    @Converter
    public static class WindowIdsColumn implements AttributeConverter<List<String>, String> {

        @Override
        public String convertToDatabaseColumn(List<String> ids) {
            return ids == null ? "" : String.join(",", ids);
        }

        @Override
        public List<String> convertToEntityAttribute(String text) {
            return text == null || text.isBlank() ? List.of() : Arrays.asList(text.split(","));
        }
    }
}
