package io.hallwatch.audit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hallwatch.platform.ProblemException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The query of GET /api/audit: what it accepts, its defaults, and 400s that name each bad parameter. */
class AuditFilterTest {

    static AuditFilter parse(String from, String to, String outcome, String limit, String offset) {
        return AuditFilter.parse(from, to, null, null, null, null, outcome, limit, offset);
    }

    static String problem(String from, String to, String outcome, String limit, String offset) {
        ProblemException e = assertThrows(ProblemException.class, () -> parse(from, to, outcome, limit, offset));
        assertEquals(400, e.status());
        return e.getMessage();
    }

    @Test
    void nothingGivenMeansEverythingNewestFirstAHundredAtATime() {
        AuditFilter filter = AuditFilter.parse(null, null, " ", "", null, null, null, null, null);
        assertNull(filter.from());
        assertNull(filter.actor());
        assertNull(filter.action());
        assertEquals(100, filter.limit());
        assertEquals(0, filter.offset());
    }

    @Test
    void rfc3339TimesWithAnOffsetAreRead() {
        assertEquals(Instant.parse("2026-03-01T01:00:00Z"), parse("2026-03-01T09:00:00+08:00", null, null, null, null).from());
        assertEquals(Instant.parse("2026-03-01T01:00:00.5Z"), parse("2026-03-01t01:00:00.5z", null, null, null, null).from());
        assertEquals(Instant.parse("2026-03-01T01:00:00Z"), parse("2026-03-01 01:00:00Z", null, null, null, null).from());
        // An unencoded + arrives as a space.
        assertEquals(Instant.parse("2026-03-01T01:00:00Z"), parse(null, "2026-03-01T09:00:00 08:00", null, null, null).to());
    }

    @Test
    void outcomeIsDoneOrRefusedInAnyCase() {
        assertEquals("REFUSED", parse(null, null, "refused", null, null).outcome());
        assertThat(problem(null, null, "MAYBE", null, null), containsString("outcome must be DONE or REFUSED"));
    }

    @Test
    void everyBadParameterIsNamed() {
        String detail = problem("yesterday", "2026-03-01T00:00:00", null, "0", "-1");
        assertThat(detail, containsString("from must be an RFC 3339 time"));
        assertThat(detail, containsString("to must be an RFC 3339 time"));
        assertThat(detail, containsString("limit must be a whole number from 1 to 1000"));
        assertThat(detail, containsString("offset must be a whole number from 0 up"));
        assertThat(problem(null, null, null, "1001", null), containsString("limit"));
        assertThat(problem(null, null, null, "ten", null), containsString("limit"));
        assertThat(problem("2026-03-02T00:00:00Z", "2026-03-01T00:00:00Z", null, null, null),
                containsString("from must be before to"));
    }

    @Test
    void anActionIsAPrefixWithWildcardsTakenLiterally() {
        assertEquals("user.%", AuditReader.likePrefix("user."));
        assertEquals("a!_b!%c!!%", AuditReader.likePrefix("a_b%c!"));
    }
}
