package io.hallwatch.bridge.load;

import io.hallwatch.bridge.contract.Contract;
import io.hallwatch.bridge.contract.Kind;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * One device of a load run and the readings it makes up: values drift the way real ones do (a bin
 * fills, then is emptied; a window is staffed or vacant for a while; a sign is mostly ok and open) but
 * always stay within the contract, so the service accepts every message. Each reading carries
 * {@code ts} (now, epoch milliseconds) and a {@code seq} that rises by one per message. Not thread-safe:
 * a device belongs to one connection's thread.
 */
public final class SimDevice {

    private static final String[] SHOWING = {"open", "open", "open", "open", "open", "open", "paused", "paused", "closed"};

    private final String id;
    private final String hall;
    private final Kind kind;
    private final String topic;
    private long seq;
    private boolean occupied = true;
    private double fill;
    private String state = "ok";
    private String showing = "open";
    private int battery;

    public SimDevice(String id, String hall, Kind kind, SplittableRandom random) {
        this.id = id;
        this.hall = hall;
        this.kind = kind;
        this.topic = Contract.reading(hall, kind, id);
        this.fill = random.nextInt(0, 600) / 10.0;
        this.battery = random.nextInt(40, 101);
    }

    /** The next reading's payload, observed at {@code nowMillis}. */
    public byte[] next(long nowMillis, SplittableRandom random) {
        StringBuilder json = new StringBuilder(96).append("{\"ts\":").append(nowMillis).append(",\"seq\":").append(seq++);
        switch (kind) {
            case PRESENCE -> presence(json, random);
            case BIN -> bin(json, random);
            case SIGNAGE -> signage(json, random);
            default -> badge(json);
        }
        if (kind != Kind.SIGNAGE && seq % 20 == 1) {
            // A battery report now and then, never low enough to open BATTERY_LOW orders during a load test.
            battery = Math.max(40, battery - random.nextInt(0, 2));
            json.append(",\"battery\":").append(battery);
        }
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private void presence(StringBuilder json, SplittableRandom random) {
        if (random.nextInt(10) == 0) {
            occupied = !occupied;
        }
        json.append(",\"occupied\":").append(occupied);
    }

    private void bin(StringBuilder json, SplittableRandom random) {
        fill = fill > 90 && random.nextInt(5) == 0 ? random.nextInt(0, 50) / 10.0
                : Math.min(100.0, fill + random.nextInt(0, 25) / 10.0);
        json.append(",\"fill\":").append(Math.round(fill * 10) / 10.0);
    }

    private void signage(StringBuilder json, SplittableRandom random) {
        if (random.nextInt(50) == 0) {
            int roll = random.nextInt(100);
            state = roll < 90 ? "ok" : roll < 97 ? "fault" : "blank";
            showing = SHOWING[random.nextInt(SHOWING.length)];
        }
        json.append(",\"state\":\"").append(state).append("\",\"showing\":\"").append(showing).append('"');
        if ("fault".equals(state)) {
            json.append(",\"code\":\"E").append(10 + id.length()).append('"');
        }
    }

    private void badge(StringBuilder json) {
        // Staff tap in, then out: the cards cycle through a few per reader.
        long tap = seq - 1;
        String card = String.format("04%06X", (id.hashCode() & 0xFFFF) * 16 + (int) (tap / 2 % 8));
        json.append(",\"card\":\"").append(card).append("\",\"action\":\"").append(tap % 2 == 0 ? "in" : "out").append('"');
    }

    public String id() {
        return id;
    }

    public String hall() {
        return hall;
    }

    public Kind kind() {
        return kind;
    }

    public String topic() {
        return topic;
    }
}
