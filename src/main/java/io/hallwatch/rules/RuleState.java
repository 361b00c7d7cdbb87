package io.hallwatch.rules;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;

/**
 * What one rule remembers about one subject (a window, a device, a staff member) of a hall, stored as
 * JSON so that it survives a restart, with the instant the rule next needs to look at it without a
 * message ({@code dueAt}), which the scheduler tick reads.
 */
@Entity
@Table(name = "rule_state")
public class RuleState extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "hall_id")
    public String hallId;
    public String rule;
    public String subject;
    public String state;
    @Column(name = "due_at")
    public Instant dueAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** The state as an object, so that a batch of messages for one subject parses its JSON once. */
    @Transient
    Object value;

    static String id(String hallId, String rule, String subject) {
        return hallId + "|" + rule + "|" + subject;
    }
}
