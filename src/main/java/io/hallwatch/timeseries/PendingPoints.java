package io.hallwatch.timeseries;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The points one transaction recorded, kept until InfluxDB has accepted them: the outbox of the
 * relay. {@code lines} is line protocol, one point per line. A row InfluxDB refused as malformed
 * (400, 422) stays with {@code rejected} set and the answer in {@code lastError}, for inspection.
 */
@Entity
@Table(name = "influx_outbox")
public class PendingPoints extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String lines;
    @Column(name = "line_count")
    public int lineCount;
    @Column(name = "created_at")
    public Instant createdAt;
    public boolean rejected;
    public int attempts;
    @Column(name = "last_error")
    public String lastError;
}
