package io.hallwatch.halls;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Optional;

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

    public static List<Staff> ofHall(String hallId) {
        return list("hallId = ?1 order by id", hallId);
    }
}
