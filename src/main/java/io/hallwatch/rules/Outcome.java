package io.hallwatch.rules;

import io.hallwatch.workorders.OrderCommand;
import java.time.Instant;
import java.util.List;

/**
 * What a rule decided for one subject: the work-order commands to carry out and when it next needs a
 * look without a message ({@code dueAt}, null for never).
 */
public record Outcome(List<OrderCommand> commands, Instant dueAt) {
}
