package io.hallwatch.halls;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Optional;
import org.hibernate.jpa.AvailableHints;

/** A staff member of a hall, known to badge readers by the UID of their card (upper case). */
@Entity
@Table(name = "staff")
public class Staff extends PanacheEntityBase {

    @Id
    public String id;
    public String name;
    @Column(name = "hall_id")
    public String hallId;
    public String card;

    public static Optional<Staff> byCard(String card) {
        return find("card", card).firstResultOptional();
    }

    /**
     * {@link #byCard} for a badge tap: ingest never changes staff, so the query need not flush the
     * batch's pending changes first (a dirty check of every device and rule state the batch holds).
     */
    public static Optional<Staff> byCardUnflushed(String card) {
        return find("card", card).withHint(AvailableHints.HINT_FLUSH_MODE, FlushModeType.COMMIT).firstResultOptional();
    }

    public static List<Staff> ofHall(String hallId) {
        return list("hallId = ?1 order by id", hallId);
    }
}
