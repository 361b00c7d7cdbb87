package io.hallwatch.badges;

import io.hallwatch.ingest.DeviceMessage.BadgeAction;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Every badge tap a reader reported, kept whatever its order of arrival: hall, reader, card, the staff
 * member holding the card (null for an unknown card), direction, device time and when the service
 * received it. Taps are never changed or deleted by the service.
 */
@Entity
@Table(name = "badge_tap")
public class BadgeTap extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "hall_id")
    public String hallId;
    @Column(name = "device_id")
    public String deviceId;
    public String card;
    @Column(name = "staff_id")
    public String staffId;
    @Enumerated(EnumType.STRING)
    public BadgeAction action;
    @Column(name = "tapped_at")
    public Instant tappedAt;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Column(name = "out_of_order")
    public boolean outOfOrder;

    /** A staff member's taps in [from, to), oldest first. */
    public static List<Tap> ofStaff(String staffId, Instant from, Instant to) {
        List<BadgeTap> taps = list("staffId = ?1 and tappedAt >= ?2 and tappedAt < ?3 order by tappedAt, id",
                staffId, from, to);
        return taps.stream().map(t -> new Tap(t.tappedAt, t.action)).toList();
    }

    /** Whether any of these staff members badged in within [from, to). */
    public static boolean anyIn(Collection<String> staffIds, Instant from, Instant to) {
        return !staffIds.isEmpty() && count("staffId in ?1 and action = ?2 and tappedAt >= ?3 and tappedAt < ?4",
                staffIds, BadgeAction.IN, from, to) > 0;
    }
}
