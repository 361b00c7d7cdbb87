package io.hallwatch.workorders;

import io.hallwatch.platform.JsonColumn;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A work order (contract, section 5). {@code openKey} is set while the order is open and cleared when
 * it closes; a unique constraint on it keeps at most one open order per hall, type and subject, on
 * PostgreSQL and H2 alike.
 */
@Entity
@Table(name = "work_order")
public class WorkOrder extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "hall_id")
    public String hallId;
    @Enumerated(EnumType.STRING)
    public WorkOrderType type;
    @Enumerated(EnumType.STRING)
    public Team team;
    @Enumerated(EnumType.STRING)
    public Severity severity;
    @Enumerated(EnumType.STRING)
    public WorkOrderStatus status;
    public String subject;
    @Column(name = "open_key")
    public String openKey;
    @Column(name = "opened_at")
    public Instant openedAt;
    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
    /** When the condition began, by device time; before {@code openedAt} by the rule's grace. */
    @Column(name = "condition_since")
    public Instant conditionSince;
    public String summary;
    @Convert(converter = DetailsColumn.class)
    public Map<String, Object> details;
    @Column(name = "reopen_count")
    public int reopenCount;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "acknowledged_by")
    public String acknowledgedBy;
    @Column(name = "resolved_by")
    public String resolvedBy;
    @Column(name = "ack_due_at")
    public Instant ackDueAt;
    @Column(name = "resolve_due_at")
    public Instant resolveDueAt;
    /** The earliest deadline not yet missed, while the order is open; what escalation looks for. */
    @Column(name = "next_deadline_at")
    public Instant nextDeadlineAt;
    /** How many times the order escalated: by a missed deadline or by its rule (a critical bin). */
    public int escalations;
    @Column(name = "ack_missed")
    public boolean ackMissed;
    @Column(name = "resolve_missed")
    public boolean resolveMissed;
    /** Where, for people: the window's name, or the device's window or zone. */
    public String place;
    /**
     * The open key this order held when a person resolved it while its rule still saw the condition:
     * no new order opens for that key until the condition clears.
     */
    @Column(name = "held_key")
    public String heldKey;
    @Version
    public long version;

    static String openKey(String hallId, WorkOrderType type, String subject) {
        return hallId + "|" + type + "|" + subject;
    }

    public boolean isClosed() {
        return status == WorkOrderStatus.RESOLVED || status == WorkOrderStatus.AUTO_RESOLVED;
    }

    /** Sets when escalation next looks at this order: the earliest deadline it has not missed yet. */
    void scheduleNextDeadline() {
        Instant next = null;
        if (!isClosed() && acknowledgedAt == null && !ackMissed) {
            next = ackDueAt;
        }
        if (!isClosed() && !resolveMissed && resolveDueAt != null && (next == null || resolveDueAt.isBefore(next))) {
            next = resolveDueAt;
        }
        nextDeadlineAt = next;
    }

    static Optional<WorkOrder> findHeld(String hallId, WorkOrderType type, String subject) {
        return find("heldKey", openKey(hallId, type, subject)).firstResultOptional();
    }

    public static Optional<WorkOrder> findOpen(String hallId, WorkOrderType type, String subject) {
        return find("openKey", openKey(hallId, type, subject)).firstResultOptional();
    }

    /** The newest order of this subject that closed by sensor evidence at or after {@code since}. */
    static Optional<WorkOrder> autoResolvedSince(String hallId, WorkOrderType type, String subject, Instant since) {
        return find("hallId = ?1 and type = ?2 and subject = ?3 and status = ?4 and resolvedAt >= ?5 order by resolvedAt desc",
                hallId, type, subject, WorkOrderStatus.AUTO_RESOLVED, since).firstResultOptional();
    }

    @Converter
    public static class DetailsColumn extends JsonColumn<Map<String, Object>> {
        @SuppressWarnings({"unchecked", "rawtypes"})
        public DetailsColumn() {
            super((Class) Map.class);
        }
    }
}
