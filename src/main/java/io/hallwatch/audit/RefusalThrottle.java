package io.hallwatch.audit;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which refused logins and requests get an audit line of their own, so that a flood of them
 * cannot fill the table faster than a known rate. In each clock minute at most {@code perKey} lines are
 * written per claimed user name and address, and at most {@code total} in all; the rest are counted,
 * and each minute that counted some ends in one {@link Summary} of them, largest first. Memory is
 * bounded too: past {@link #MAX_KEYS} distinct names and addresses in a minute, new ones are only
 * counted. Plain Java, time passed in; safe to call from many threads.
 */
final class RefusalThrottle {

    /** Distinct name and address pairs remembered per minute. */
    static final int MAX_KEYS = 10_000;
    /** Pairs named in a summary; the others are only counted. */
    static final int TOP = 20;
    /** Summaries kept while nobody takes them; older ones fold into the newest. */
    static final int MAX_PENDING = 60;

    private final int perKey;
    private final int total;
    private long minute = Long.MIN_VALUE;
    private final Map<Key, Integer> written = new HashMap<>();
    private int writtenTotal;
    private final Map<Key, Integer> suppressed = new HashMap<>();
    private int suppressedTotal;
    private final Deque<Summary> pending = new ArrayDeque<>();

    /** A claimed user name and the address it came from. */
    record Key(String actor, String address) {
    }

    /** How many refusals of one name and address went unwritten. */
    record Count(String actor, String address, int refusals) {
    }

    /** The refusals not written between {@code from} and {@code until}: how many, and the largest sources. */
    record Summary(Instant from, Instant until, int refusals, List<Count> top) {

        Summary plus(Summary later) {
            Map<Key, Integer> counts = new LinkedHashMap<>();
            for (Count c : top) {
                counts.merge(new Key(c.actor(), c.address()), c.refusals(), Integer::sum);
            }
            for (Count c : later.top()) {
                counts.merge(new Key(c.actor(), c.address()), c.refusals(), Integer::sum);
            }
            return new Summary(from, later.until(), refusals + later.refusals(), largest(counts));
        }
    }

    RefusalThrottle(int perKey, int total) {
        this.perKey = perKey;
        this.total = total;
    }

    /** Whether this refusal gets a line of its own; if not, it is counted for the minute's summary. */
    synchronized boolean admit(String actor, String address, Instant now) {
        roll(now);
        Key key = new Key(actor, address);
        int mine = written.getOrDefault(key, 0);
        boolean room = mine > 0 || written.size() < MAX_KEYS;
        if (writtenTotal < total && mine < perKey && room) {
            written.put(key, mine + 1);
            writtenTotal++;
            return true;
        }
        suppressedTotal++;
        if (suppressed.containsKey(key) || suppressed.size() < MAX_KEYS) {
            suppressed.merge(key, 1, Integer::sum);
        }
        return false;
    }

    /** The summaries of the minutes that ended before {@code now} with refusals left unwritten; taken once. */
    synchronized List<Summary> finished(Instant now) {
        roll(now);
        List<Summary> done = new ArrayList<>(pending);
        pending.clear();
        return done;
    }

    private void roll(Instant now) {
        long current = Math.floorDiv(now.getEpochSecond(), 60);
        if (current == minute) {
            return;
        }
        if (suppressedTotal > 0) {
            Summary ended = new Summary(Instant.ofEpochSecond(minute * 60), Instant.ofEpochSecond((minute + 1) * 60),
                    suppressedTotal, largest(suppressed));
            pending.addLast(pending.size() < MAX_PENDING ? ended : pending.removeLast().plus(ended));
        }
        minute = current;
        written.clear();
        writtenTotal = 0;
        suppressed.clear();
        suppressedTotal = 0;
    }

    private static List<Count> largest(Map<Key, Integer> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<Key, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(e -> e.getKey().actor()))
                .limit(TOP)
                .map(e -> new Count(e.getKey().actor(), e.getKey().address(), e.getValue()))
                .toList();
    }
}
