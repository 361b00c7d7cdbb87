package io.hallwatch.broker;

import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only where Mosquitto with its dynamic-security plugin (and openssl) is installed,
 * before Quarkus starts for it; elsewhere the class is skipped with the reason printed. With
 * {@code HALLWATCH_REQUIRE_SERVICES=true} (set by .ci/run) a missing piece fails the run instead.
 */
public class MosquittoAvailable implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<String> missing = Mosquitto.missing();
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("Mosquitto with dynamic security is installed");
        }
        String reason = "SKIPPED tests against a Mosquitto with dynamic security started by the test, not installed: "
                + missing.get() + ". Run .ci/run to install it.";
        if (Boolean.parseBoolean(System.getenv("HALLWATCH_REQUIRE_SERVICES"))) {
            throw new IllegalStateException("HALLWATCH_REQUIRE_SERVICES is set but: " + reason);
        }
        System.err.println(reason);
        return ConditionEvaluationResult.disabled(reason);
    }
}
