package io.hallwatch.audit;

import static io.hallwatch.audit.AuditTrail.details;
import static io.hallwatch.audit.AuditTrail.lines;
import static io.hallwatch.audit.AuditTrail.only;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallwatch.support.Api;
import io.hallwatch.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Refused logins and requests are recorded in a transaction of their own, from any thread, and a flood
 * of them writes a few lines a minute per name and address and one line counting the rest.
 */
@QuarkusTest
class AuditRefusalTest {

    @Inject
    AuditLog audit;
    @Inject
    TestClock clock;
    @Inject
    Vertx vertx;

    String auditor;

    @BeforeEach
    void auditor() {
        auditor = AuditTrail.auditor("*");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aRefusalIsRecordedOutsideATransactionAndFromAnEventLoop() {
        String name = "intruder-" + Api.unique();
        audit.refused(name, "203.0.113.7", "auth.login", name, Map.of("reason", "wrong password"));
        Map<String, Object> line = only(auditor, Map.of("actor", name));
        assertEquals(List.of("REFUSED", "auth.login", "203.0.113.7", name),
                List.of(line.get("outcome"), line.get("action"), line.get("address"), line.get("target")));
        assertNull(line.get("hall"));
        assertEquals(Map.of("reason", "wrong password"), details(line));

        String looped = "loop-" + Api.unique();
        vertx.runOnContext(v -> audit.refused(looped, "203.0.113.8", "auth.login", looped, null));
        await().atMost(Duration.ofSeconds(10)).until(() -> lines(auditor, Map.of("actor", looped)).size() == 1);
        String address = "203.0.113." + (10 + (int) (Math.random() * 200));
        audit.refused(null, address, "auth.login", null, null);
        assertTrue(lines(auditor, Map.of("actor", "anonymous", "outcome", "REFUSED", "limit", 1000)).stream()
                .anyMatch(l -> address.equals(l.get("address"))));
    }

    @Test
    void aFloodWritesFiveLinesAMinutePerNameAndAddressAndOneLineCountingTheRest() throws Exception {
        Instant minute = Instant.parse("2031-01-01T00:00:00Z");
        clock.set(minute.plusSeconds(5));
        String name = "flood-" + Api.unique();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            done.add(pool.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    audit.refused(name, "198.51.100.9", "auth.login", name, Map.of("reason", "wrong password"));
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        assertEquals(5, lines(auditor, Map.of("actor", name)).size());
        clock.set(minute.plusSeconds(61));
        audit.summarise();
        clock.reset();
        Map<String, Object> summary = lines(auditor, Map.of("action", AuditLog.SUPPRESSED, "limit", 1000)).stream()
                .filter(l -> String.valueOf(details(l).get("top")).contains(name)).findFirst().orElseThrow();
        assertEquals(List.of("system", "REFUSED"), List.of(summary.get("actor"), summary.get("outcome")));
        assertEquals(Map.of("actor", name, "address", "198.51.100.9", "refusals", 395),
                ((List<?>) details(summary).get("top")).get(0));
        assertEquals(395, details(summary).get("refusals"));
        assertEquals(List.of(minute.toString(), minute.plusSeconds(60).toString()),
                List.of(details(summary).get("from"), details(summary).get("until")));
    }
}
