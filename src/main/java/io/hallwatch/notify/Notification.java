package io.hallwatch.notify;

import io.hallwatch.workorders.Team;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One message about one order to one destination: the outbox row written with the order change, and
 * afterwards that message's delivery log. {@code channelId} null is the MQTT alerts topic.
 * {@code payload} is the order as contract section 5 shows it, plus {@code event}, at the time of the
 * change.
 */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    /**
     * PENDING until sent; SENDING while a worker holds it (until {@code dueAt}, after which it is
     * pending again); FAILED when refused or given up; CANCELLED when no longer wanted.
     */
    public enum Status { PENDING, SENDING, SENT, FAILED, CANCELLED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "order_id")
    public Long orderId;
    @Column(name = "hall_id")
    public String hallId;
    @Enumerated(EnumType.STRING)
    public Team team;
    @Column(name = "channel_id")
    public Long channelId;
    /** {@code opened}, {@code escalated} or {@code resolved} (contract, section 3). */
    public String event;
    public String payload;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "created_at")
    public Instant createdAt;
    /** When it may be sent next: at once, after a back-off, or after the re-open window for a close. */
    @Column(name = "due_at")
    public Instant dueAt;
    public int attempts;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "sent_at")
    public Instant sentAt;
    /** How many orders the message that carried this one named (1 unless bundled). */
    @Column(name = "bundle_size")
    public Integer bundleSize;
    @Version
    public long version;
}
