package io.hallwatch.halls;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Optional;

/**
 * A service window (窗口) of a hall, staffed by its A role and covered by its optional B role (AB角).
 * Window ids are unique within their hall.
 */
@Entity
@Table(name = "hall_window")
public class HallWindow extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long pk;
    @Column(name = "hall_id")
    public String hallId;
    @Column(name = "window_id")
    public String windowId;
    public String name;
    @Column(name = "staff_a")
    public String staffA;
    @Column(name = "staff_b")
    public String staffB;
    /** The window's own weekly hours, replacing the hall's for this window; null: the hall's hours. */
    @Convert(converter = Hall.OpeningHoursColumn.class)
    @Column(name = "opening_hours")
    public OpeningHours openingHours;

    public static Optional<HallWindow> find(String hallId, String windowId) {
        return find("hallId = ?1 and windowId = ?2", hallId, windowId).firstResultOptional();
    }

    /** The window's name for people, or its id if it no longer exists. */
    public static String nameOf(String hallId, String windowId) {
        return find(hallId, windowId).map(w -> w.name).orElse(windowId);
    }

    public static List<HallWindow> ofHall(String hallId) {
        return list("hallId = ?1 order by windowId", hallId);
    }
}
