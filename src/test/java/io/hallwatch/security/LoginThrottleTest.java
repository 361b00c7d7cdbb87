package io.hallwatch.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hallwatch.users.LoginThrottle;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Failed logins lock a user name after 5 and an address after 20 within 15 minutes, for 15 minutes. */
class LoginThrottleTest {

    private static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");
    private static final Duration LOCK = Duration.ofMinutes(15);

    private final LoginThrottle throttle = new LoginThrottle(
            new LoginThrottle.Limits(5, 20, Duration.ofMinutes(15), LOCK));

    private Duration fail(String user, String address, int times, Instant at) {
        Duration lock = Duration.ZERO;
        for (int i = 0; i < times; i++) {
            lock = throttle.failed(user, address, at);
        }
        return lock;
    }

    @Test
    void locksAUserNameOnItsFifthFailureFromAnyAddress() {
        assertEquals(Duration.ZERO, fail("wang", "10.0.0.1", 4, T0));
        assertEquals(LOCK, throttle.failed("wang", "10.0.0.2", T0.plusSeconds(60)));
        assertEquals(LOCK.minusSeconds(60), throttle.lockedFor("wang", "10.0.0.9", T0.plusSeconds(120)));
        assertEquals(Duration.ZERO, throttle.lockedFor("li", "10.0.0.9", T0.plusSeconds(120)));
    }

    @Test
    void locksAnAddressOnItsTwentiethFailureWhateverTheNames() {
        for (int i = 0; i < 19; i++) {
            assertEquals(Duration.ZERO, throttle.failed("name" + i, "10.0.0.1", T0));
        }
        assertEquals(LOCK, throttle.failed("other", "10.0.0.1", T0));
        assertEquals(LOCK, throttle.lockedFor("wang", "10.0.0.1", T0));
        assertEquals(Duration.ZERO, throttle.lockedFor("wang", "10.0.0.2", T0));
    }

    @Test
    void forgetsFailuresOlderThanTheWindow() {
        fail("wang", null, 4, T0);
        assertEquals(Duration.ZERO, throttle.failed("wang", null, T0.plus(Duration.ofMinutes(15)).plusSeconds(1)));
    }

    @Test
    void endsTheLockAfterFifteenMinutesAndCountsAfresh() {
        fail("wang", null, 5, T0);
        assertEquals(Duration.ofSeconds(1), throttle.lockedFor("wang", null, T0.plus(LOCK).minusSeconds(1)));
        assertEquals(Duration.ZERO, throttle.lockedFor("wang", null, T0.plus(LOCK)));
        assertEquals(Duration.ZERO, throttle.failed("wang", null, T0.plus(LOCK)));
    }

    @Test
    void failuresDuringALockDoNotProlongIt() {
        fail("wang", null, 5, T0);
        throttle.failed("wang", null, T0.plusSeconds(600));
        assertEquals(Duration.ZERO, throttle.lockedFor("wang", null, T0.plus(LOCK)));
    }

    @Test
    void aSuccessClearsTheUserNamesFailuresButNotTheAddresses() {
        fail("wang", "10.0.0.1", 4, T0);
        fail("li", "10.0.0.1", 15, T0);
        throttle.succeeded("wang", T0);
        assertEquals(Duration.ZERO, throttle.failed("wang", "10.0.0.2", T0));
        assertEquals(LOCK, throttle.failed("zhao", "10.0.0.1", T0));
    }

    @Test
    void limitsMustBePositive() {
        assertThrows(IllegalArgumentException.class,
                () -> new LoginThrottle.Limits(0, 20, Duration.ofMinutes(15), LOCK));
        assertThrows(IllegalArgumentException.class,
                () -> new LoginThrottle.Limits(5, 20, Duration.ZERO, LOCK));
    }
}
