package io.hallwatch.calendar;

import io.hallwatch.platform.JsonColumn;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** An uploaded public holiday year: it replaces the shipped data of that year until deleted. */
@Entity
@Table(name = "public_holiday_year")
public class PublicHolidayYear extends PanacheEntityBase {

    @Id
    @Column(name = "holiday_year")
    public Integer year;
    @Convert(converter = EntriesColumn.class)
    public Days days;
    public String source;
    @Column(name = "uploaded_at")
    public Instant uploadedAt;

    public List<PublicHolidays.Entry> entries() {
        return days == null || days.entries() == null ? List.of() : days.entries();
    }

    /** The stored list, wrapped so that the JSON column has a concrete type. */
    public record Days(List<PublicHolidays.Entry> entries) {
    }

    @Converter
    public static class EntriesColumn extends JsonColumn<Days> {
        public EntriesColumn() {
            super(Days.class);
        }
    }
}
