package io.hallwatch.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * One line of the audit trail: who ({@code actor}, a user name, {@code device:<id>} or
 * {@code system}), when, from where (the client's address), what ({@code action}, e.g.
 * {@code device.provision}), on which hall and object, whether it was done or refused, and what
 * changed ({@code details}, JSON). Rows are only ever inserted: the entity is immutable to Hibernate,
 * has no Panache update or delete methods, and PostgreSQL refuses UPDATE, DELETE and TRUNCATE of the
 * table (migration {@code V8_1}).
 */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent {

    public static final String DONE = "DONE";
    public static final String REFUSED = "REFUSED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String actor;

    public String address;

    @Column(nullable = false)
    public String action;

    public String hall;

    public String target;

    @Column(nullable = false)
    public String outcome;

    public String details;
}
