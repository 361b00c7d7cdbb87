package io.hallwatch.audit;

import static io.hallwatch.support.Api.admin;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hallwatch.platform.Json;
import io.hallwatch.support.Api;
import io.hallwatch.users.AppUser;
import io.hallwatch.users.Passwords;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Auditors' logins and the audit trail as they read it, for tests. */
final class AuditTrail {

    private AuditTrail() {
    }

    /**
     * A person with the role {@code auditor} for {@code halls}, password {@link Api#PERSON_PASSWORD}. Made
     * over {@code POST /api/users} once that knows the role; until then written straight to the database,
     * which the login reads the same way.
     */
    static String auditor(String... halls) {
        String username = "auditor-" + Api.unique();
        Response created = admin().body(Map.of("username", username, "name", "审计 " + username, "password",
                Api.PERSON_PASSWORD, "roles", List.of(AuditResource.AUDITOR), "halls", List.of(halls))).post("/api/users");
        if (created.statusCode() == 201) {
            return username;
        }
        assertEquals(400, created.statusCode(), created.asString());
        QuarkusTransaction.requiringNew().run(() -> {
            AppUser user = new AppUser();
            user.username = username;
            user.displayName = "审计 " + username;
            user.passwordHash = Passwords.hash(Api.PERSON_PASSWORD);
            user.roles = AuditResource.AUDITOR;
            user.halls = String.join(",", halls);
            user.createdAt = Instant.now();
            user.updatedAt = user.createdAt;
            user.persist();
        });
        return username;
    }

    /** The lines {@code auditor} reads with this query, newest first, numbers as Jackson reads them. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> lines(String auditor, Map<String, ?> query) {
        String body = Api.as(auditor).queryParams(query).get("/api/audit").then().statusCode(200).extract().asString();
        return Json.read(body, List.class);
    }

    /** The one line matching the query. */
    static Map<String, Object> only(String auditor, Map<String, ?> query) {
        List<Map<String, Object>> lines = lines(auditor, query);
        assertEquals(1, lines.size(), "lines for " + query + ": " + lines);
        return lines.get(0);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> details(Map<String, Object> line) {
        return (Map<String, Object>) line.get("details");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> after(Map<String, Object> line) {
        return (Map<String, Object>) details(line).get("after");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> before(Map<String, Object> line) {
        return (Map<String, Object>) details(line).get("before");
    }

    /** Asserts who did it, from where, on which hall and object, and that it was done. */
    static void assertLine(Map<String, Object> line, String actor, String action, String hall, String target) {
        assertEquals(actor, line.get("actor"), "actor of " + line);
        assertEquals(action, line.get("action"), "action of " + line);
        assertEquals(hall, line.get("hall"), "hall of " + line);
        assertEquals(target, line.get("target"), "target of " + line);
        assertEquals("DONE", line.get("outcome"), "outcome of " + line);
        // REST Assured calls localhost, which is one of these.
        assertThat("address of " + line, (String) line.get("address"),
                anyOf(equalTo("127.0.0.1"), equalTo("0:0:0:0:0:0:0:1"), equalTo("::1")));
    }
}
