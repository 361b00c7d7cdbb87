package io.hallwatch.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.hallwatch.platform.Json;
import java.time.Instant;

/**
 * One audit line as {@code GET /api/audit} shows it, {@code details} as the JSON it was written as.
 */
public record AuditView(long id, Instant at, String actor, String address, String action, String hall,
        String target, String outcome, JsonNode details) {

    static AuditView of(AuditEvent e) {
        return new AuditView(e.id, e.at, e.actor, e.address, e.action, e.hall, e.target, e.outcome, details(e.details));
    }

    private static JsonNode details(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Json.read(text, JsonNode.class);
        } catch (IllegalStateException notJson) {
            // Lines written before details were always JSON are shown as the text they hold.
            return TextNode.valueOf(text);
        }
    }
}
