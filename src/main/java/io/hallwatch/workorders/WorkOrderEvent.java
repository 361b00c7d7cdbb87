package io.hallwatch.workorders;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One entry of a work order's history: when, what happened, the status after it, who or which rule and
 * sensor did it, why, and the evidence. Entries are only ever added.
 */
@Entity
@Table(name = "work_order_event")
public class WorkOrderEvent extends PanacheEntityBase {

    /**
     * What happened to the order. {@code CONDITION_CLEARED}: after a person resolved the order, the
     * sensors stopped seeing its condition, so a new order may open when it returns.
     */
    public enum Kind {
        OPENED, REOPENED, UPDATED, ESCALATED, AUTO_RESOLVED, ACKNOWLEDGED, RESOLVED, CONDITION_CLEARED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "order_id")
    public Long orderId;
    public Instant at;
    @Enumerated(EnumType.STRING)
    public Kind event;
    @Enumerated(EnumType.STRING)
    public WorkOrderStatus status;
    public String actor;
    public String reason;
    @Convert(converter = WorkOrder.DetailsColumn.class)
    public Map<String, Object> evidence;

    public static List<WorkOrderEvent> of(Long orderId) {
        return list("orderId = ?1 order by id", orderId);
    }
}
