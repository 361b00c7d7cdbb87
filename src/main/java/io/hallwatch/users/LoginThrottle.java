package io.hallwatch.users;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts failed logins per user name and per client address and locks either once it has failed too
 * often: {@code userFailures} failures of one user name, or {@code addressFailures} from one address,
 * within {@code window} lock that name or address for {@code lock}, during which every login is refused
 * without looking at the password. A successful login clears its user name's failures (not its
 * address's, or one valid account would let an address guess on). Plain Java, time passed in; safe to
 * share between threads. Names and addresses without failures in the window are forgotten, so memory
 * stays bounded by how fast passwords can be checked.
 */
public final class LoginThrottle {

    /** The limits; counts at least 1, durations positive. */
    public record Limits(int userFailures, int addressFailures, Duration window, Duration lock) {

        public Limits {
            if (userFailures < 1 || addressFailures < 1 || window.isNegative() || window.isZero()
                    || lock.isNegative() || lock.isZero()) {
                throw new IllegalArgumentException("login limits must be positive: " + userFailures + ", "
                        + addressFailures + ", " + window + ", " + lock);
            }
        }
    }

    private static final int SWEEP_ABOVE = 10_000;

    private final Limits limits;
    private final Map<String, Track> users = new HashMap<>();
    private final Map<String, Track> addresses = new HashMap<>();

    public LoginThrottle(Limits limits) {
        this.limits = limits;
    }

    public Limits limits() {
        return limits;
    }

    /** How long logins as {@code user} from {@code address} (either may be null) stay refused; zero when allowed. */
    public synchronized Duration lockedFor(String user, String address, Instant now) {
        return longer(remaining(users, user, now), remaining(addresses, address, now));
    }

    /** Counts a failed login; returns how long logins as {@code user} from {@code address} are now refused. */
    public synchronized Duration failed(String user, String address, Instant now) {
        Duration userLock = fail(users, user, limits.userFailures(), now);
        Duration addressLock = fail(addresses, address, limits.addressFailures(), now);
        return longer(userLock, addressLock);
    }

    /** A successful login: the user name's earlier failures no longer count. */
    public synchronized void succeeded(String user, Instant now) {
        Track track = user == null ? null : users.get(user);
        if (track != null && track.remaining(now).isZero()) {
            users.remove(user);
        }
    }

    private Duration fail(Map<String, Track> tracks, String key, int max, Instant now) {
        if (key == null) {
            return Duration.ZERO;
        }
        if (tracks.size() > SWEEP_ABOVE) {
            tracks.values().removeIf(t -> t.idle(now, limits.window()));
        }
        Track track = tracks.computeIfAbsent(key, k -> new Track());
        track.fail(now, max, limits.window(), limits.lock());
        return track.remaining(now);
    }

    private Duration remaining(Map<String, Track> tracks, String key, Instant now) {
        Track track = key == null ? null : tracks.get(key);
        return track == null ? Duration.ZERO : track.remaining(now);
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** The recent failures of one name or address, and the end of its lock. */
    private static final class Track {

        private final Deque<Instant> failures = new ArrayDeque<>();
        private Instant lockedUntil;

        void fail(Instant now, int max, Duration window, Duration lock) {
            if (lockedUntil != null && lockedUntil.isAfter(now)) {
                return;
            }
            lockedUntil = null;
            while (!failures.isEmpty() && !failures.peekFirst().isAfter(now.minus(window))) {
                failures.removeFirst();
            }
            failures.addLast(now);
            if (failures.size() >= max) {
                failures.clear();
                lockedUntil = now.plus(lock);
            }
        }

        Duration remaining(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now) ? Duration.between(now, lockedUntil) : Duration.ZERO;
        }

        boolean idle(Instant now, Duration window) {
            return remaining(now).isZero() && (failures.isEmpty() || !failures.peekLast().isAfter(now.minus(window)));
        }
    }
}
