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
    @Version
    public long version;

    static String openKey(String hallId, WorkOrderType type, String subject) {
        return hallId + "|" + type + "|" + subject;
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
