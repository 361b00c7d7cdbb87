package io.hallwatch.bridge.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;

/**
 * What happens at one window during a simulated day, as change points: whether the desk is occupied,
 * what the sign shows, and the sign's own state. Short leaves are covered by the B role (the desk is
 * empty for under a minute while they swap) or announced by the pause sign; scripted incidents
 * (leaving without either, a broken sign) are laid over the routine, which keeps clear of them.
 */
final class WindowDay {

    static final Duration HANDOVER = Duration.ofSeconds(45);

    final NavigableMap<Instant, Boolean> occupied = new TreeMap<>();
    final NavigableMap<Instant, String> showing = new TreeMap<>();
    final NavigableMap<Instant, String> signState = new TreeMap<>();
    private final List<Instant[]> busy = new ArrayList<>();

    WindowDay(Instant start) {
        occupied.put(start, false);
        showing.put(start, "closed");
        signState.put(start, "ok");
    }

    /** The desk is staffed from {@code sit} and the sign shows open from {@code opens} to {@code closes}. */
    void open(Instant sit, Instant opens, Instant closes, Instant leave) {
        occupied.put(sit, true);
        showing.put(opens, "open");
        showing.put(closes, "closed");
        occupied.put(leave, false);
    }

    /** A leads away for {@code minutes} with neither B nor the pause sign: an OFF_POST incident. */
    void offPost(Instant at, int minutes) {
        Instant back = at.plus(Duration.ofMinutes(minutes));
        occupied.put(at, false);
        occupied.put(back, true);
        busy.add(new Instant[] {at, back.plus(HANDOVER)});
    }

    /** The sign reports {@code state} (fault or blank) for {@code minutes}, then ok again. */
    void signFault(Instant at, String state, int minutes) {
        signState.put(at, state);
        signState.put(at.plus(Duration.ofMinutes(minutes)), "ok");
    }

    /** A and B swap at the desk at {@code at}: empty for the handover. */
    void handover(Instant at) {
        occupied.put(at, false);
        occupied.put(at.plus(HANDOVER), true);
        busy.add(new Instant[] {at, at.plus(HANDOVER)});
    }

    /**
     * Lays {@code count} short leaves of {@code minMinutes}..{@code maxMinutes} over {@code from}..{@code to},
     * one per equal slot, skipping slots that would overlap a scripted event.
     */
    void shortLeaves(Random random, int count, int minMinutes, int maxMinutes, Instant from, Instant to) {
        if (count <= 0) {
            return;
        }
        long slot = Duration.between(from, to).toSeconds() / count;
        for (int i = 0; i < count; i++) {
            int minutes = minMinutes + random.nextInt(maxMinutes - minMinutes + 1);
            long room = slot - minutes * 60L - HANDOVER.toSeconds() * 2;
            if (room <= 0) {
                continue;
            }
            Instant at = from.plusSeconds(i * slot + (long) (random.nextDouble() * room));
            Instant back = at.plus(Duration.ofMinutes(minutes));
            if (overlaps(at, back.plus(HANDOVER))) {
                continue;
            }
            if (random.nextBoolean()) {
                handover(at);
                handover(back);
            } else {
                paused(at, back);
            }
        }
    }

    private void paused(Instant at, Instant back) {
        occupied.put(at, false);
        showing.put(at, "paused");
        occupied.put(back, true);
        showing.put(back, "open");
        busy.add(new Instant[] {at, back});
    }

    private boolean overlaps(Instant from, Instant to) {
        Duration margin = Duration.ofMinutes(2);
        return busy.stream().anyMatch(b -> from.isBefore(b[1].plus(margin)) && to.isAfter(b[0].minus(margin)));
    }

    /** The value in force at {@code at}. */
    static <T> T at(NavigableMap<Instant, T> changes, Instant at) {
        Map.Entry<Instant, T> entry = changes.floorEntry(at);
        return entry == null ? null : entry.getValue();
    }
}
