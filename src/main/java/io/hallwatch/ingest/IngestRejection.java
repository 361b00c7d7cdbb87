package io.hallwatch.ingest;

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

/** A rejected MQTT message kept for inspection, with its reason and (up to 4 KiB of) its payload. */
@Entity
@Table(name = "ingest_rejection")
public class IngestRejection extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "received_at")
    public Instant receivedAt;
    public String topic;
    @Column(name = "hall_id")
    public String hallId;
    @Column(name = "device_id")
    public String deviceId;
    @Enumerated(EnumType.STRING)
    public RejectionReason reason;
    public String detail;
    public String payload;
    @Column(name = "payload_bytes")
    public int payloadBytes;
}
