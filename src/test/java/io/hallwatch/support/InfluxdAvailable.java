package io.hallwatch.support;

import java.nio.file.Files;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class (or method) only where {@link InfluxDb1#INFLUXD} is installed. Elsewhere it is
 * skipped with the reason printed; with {@code HALLWATCH_REQUIRE_SERVICES=true} (set by .ci/run, which
 * installs Debian's {@code influxdb}) a missing binary fails the run instead.
 */
public class InfluxdAvailable implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Files.isExecutable(InfluxDb1.INFLUXD)) {
            return ConditionEvaluationResult.enabled(InfluxDb1.INFLUXD + " is installed");
        }
        String reason = "SKIPPED tests against a real InfluxDB 1.x: " + InfluxDb1.INFLUXD + " is not installed"
                + " (apt-get install influxdb, or run .ci/run).";
        if (Boolean.parseBoolean(System.getenv("HALLWATCH_REQUIRE_SERVICES"))) {
            throw new IllegalStateException("HALLWATCH_REQUIRE_SERVICES is set but: " + reason);
        }
        System.err.println(reason);
        return ConditionEvaluationResult.disabled(reason);
    }
}
