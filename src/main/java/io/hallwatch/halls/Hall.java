package io.hallwatch.halls;

import io.hallwatch.platform.JsonColumn;
import io.hallwatch.workorders.OrderDeadlines;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import org.hibernate.query.NativeQuery;

/** A service hall: where it is (time zone), when it is open, and the thresholds of its rules. */
@Entity
@Table(name = "hall")
public class Hall extends PanacheEntityBase {

    @Id
    public String id;
    public String name;
    public String timezone;
    /** Language of user-facing text (work-order summaries, alerts): "zh" or "en". */
    public String language;
    @Convert(converter = OpeningHoursColumn.class)
    @Column(name = "opening_hours")
    public OpeningHours openingHours;
    @Convert(converter = RuleSettingsColumn.class)
    public RuleSettings rules;
    @Convert(converter = DeadlinesColumn.class)
    public OrderDeadlines deadlines;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public ZoneId zone() {
        return ZoneId.of(timezone);
    }

    /**
     * Locks the hall's row until the transaction ends. Everything that judges or changes a hall's
     * orders (ingest, rule ticks, deadlines, people) takes this lock first, so they never interleave.
     * Plain FOR UPDATE: the PostgreSQL dialect's FOR NO KEY UPDATE is unknown to H2.
     */
    public static void lockRow(String hallId) {
        lockRows(List.of(hallId));
    }

    /** Locks the rows of these halls in one statement, in the order of their ids (so two lockers never deadlock). */
    public static void lockRows(Collection<String> hallIds) {
        // Synchronised with the hall table only: a native query would otherwise flush everything pending first.
        getEntityManager().createNativeQuery("select id from hall where id in (?1) order by id for update")
                .unwrap(NativeQuery.class).addSynchronizedEntityClass(Hall.class)
                .setParameter(1, hallIds).getResultList();
    }

    /** The work-order deadlines of this hall (halls from before they existed take the defaults). */
    public OrderDeadlines deadlines() {
        return deadlines == null ? OrderDeadlines.defaults() : deadlines;
    }

    @Converter
    public static class DeadlinesColumn extends JsonColumn<OrderDeadlines> {
        public DeadlinesColumn() {
            super(OrderDeadlines.class);
        }
    }

    @Converter
    public static class OpeningHoursColumn extends JsonColumn<OpeningHours> {
        public OpeningHoursColumn() {
            super(OpeningHours.class);
        }
    }

    @Converter
    public static class RuleSettingsColumn extends JsonColumn<RuleSettings> {
        public RuleSettingsColumn() {
            super(RuleSettings.class);
        }
    }
}
