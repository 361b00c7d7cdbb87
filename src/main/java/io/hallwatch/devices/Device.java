package io.hallwatch.devices;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;

/**
 * A provisioned device: where it is (hall and window or zone), its MQTT credential hash, how it was
 * last heard of, and its latest reading, which the hall status shows. A revoked device keeps its row
 * so that its history stays readable, but its messages are rejected.
 */
@Entity
@Table(name = "device")
public class Device extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "hall_id")
    public String hallId;
    @Enumerated(EnumType.STRING)
    public DeviceKind kind;
    @Column(name = "window_id")
    public String windowId;
    public String zone;
    @Column(name = "credential_hash")
    public String credentialHash;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "revoked_at")
    public Instant revokedAt;
    /** Lets provisioning and ingest change the same device without one silently undoing the other. */
    @Version
    public long version;

    @Column(name = "last_seen")
    public Instant lastSeen;
    /**
     * {@link #lastSeen} as it was before the message being handled, for rules whose stored state may lag
     * behind it (routine messages are not stored: {@code HallRules.saveLiveness}). Not stored.
     */
    @Transient
    public Instant seenBefore;
    public Double battery;
    public boolean online;
    /** Highest {@code seq} accepted, with the device time of that message, to drop duplicates. */
    @Column(name = "last_seq")
    public Long lastSeq;
    /** Device time ({@code ts}) of the newest reading applied to the state below. */
    @Column(name = "last_ts")
    public Instant lastTs;

    public Boolean occupied;
    @Column(name = "sign_state")
    public String signState;
    @Column(name = "sign_showing")
    public String signShowing;
    @Column(name = "sign_code")
    public String signCode;
    public Double fill;
    @Column(name = "last_card")
    public String lastCard;
    @Column(name = "last_action")
    public String lastAction;

    public boolean isActive() {
        return revokedAt == null;
    }

    public static List<Device> activeOfHall(String hallId) {
        return list("hallId = ?1 and revokedAt is null order by id", hallId);
    }
}
