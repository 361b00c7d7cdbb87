package io.hallwatch.bench;

import io.hallwatch.devices.DeviceKind;
import io.hallwatch.ingest.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Topics and payloads as {@code firmware-bridge load} publishes them (its {@code Fleet} and
 * {@code SimDevice}, restated here because the bridge is a project of its own): devices
 * {@code load-d{n}} spread over halls {@code load-h{n}}, 8 of every 20 presence sensors, 5 signs, 6 bins
 * and 1 badge reader; every reading has {@code ts} in epoch milliseconds and a {@code seq} that rises by
 * one per device, and now and then a battery. Seeded, so that every run parses the same bytes.
 */
final class LoadMessages {

    /** As {@code firmware-bridge load --devices 20000 --halls 20} makes up: ids like load-d12345 in load-h17. */
    private static final int DEVICES = 20_000;
    private static final int HALLS = 20;
    /** Messages per list: a power of two, so a benchmark cycles through them with a mask. */
    static final int COUNT = 4096;
    /** As a device set to the hall's time zone writes it, e.g. 2026-11-23T09:59:50.001+08:00. */
    private static final DateTimeFormatter TEXT_TS =
            DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneOffset.ofHours(8));

    record Message(String topic, DeviceKind kind, byte[] payload) {
    }

    private final SplittableRandom random = new SplittableRandom(42);
    private final Map<Integer, Sim> devices = new HashMap<>();
    private final boolean textTs;
    private long nowMillis;

    /** {@code textTs}: write {@code ts} as an RFC 3339 string with offset (the contract's other form). */
    private LoadMessages(Instant start, boolean textTs) {
        this.nowMillis = start.toEpochMilli();
        this.textTs = textTs;
    }

    /** The load's mix of kinds, devices taken at random, device time advancing 1 ms per message (1000 msg/s). */
    static List<Message> mix(Instant start) {
        return new LoadMessages(start, false).take(null);
    }

    /** Readings of one kind only. */
    static List<Message> of(DeviceKind kind, Instant start, boolean textTs) {
        return new LoadMessages(start, textTs).take(kind);
    }

    private static String hall(int n) {
        return "load-h" + ((long) (n - 1) * HALLS / DEVICES + 1);
    }

    /** Device {@code n} (from 1) of the made-up fleet, as the bridge's Fleet.kindOf deals them. */
    private static DeviceKind kindOf(int n) {
        int slot = n % 20;
        if (slot < 8) {
            return DeviceKind.PRESENCE;
        }
        if (slot < 13) {
            return DeviceKind.SIGNAGE;
        }
        return slot < 19 ? DeviceKind.BIN : DeviceKind.BADGE;
    }

    private List<Message> take(DeviceKind only) {
        List<Message> messages = new ArrayList<>(COUNT);
        while (messages.size() < COUNT) {
            int n = random.nextInt(1, DEVICES + 1);
            DeviceKind kind = kindOf(n);
            if (only != null && kind != only) {
                continue;
            }
            String id = "load-d" + n;
            Sim sim = devices.computeIfAbsent(n, k -> new Sim(id, random));
            nowMillis++;
            messages.add(new Message(Topics.reading(hall(n), kind, id), kind, sim.next(kind, ts(), random)));
        }
        return List.copyOf(messages);
    }

    private String ts() {
        return textTs
                ? '"' + TEXT_TS.format(Instant.ofEpochMilli(nowMillis)) + '"'
                : Long.toString(nowMillis);
    }

    /** One device's drifting values, as SimDevice.next makes them. */
    private static final class Sim {
        private static final String[] SHOWING = {"open", "open", "open", "open", "open", "open", "paused", "paused",
            "closed"};
        private final String id;
        private long seq;
        private boolean occupied = true;
        private double fill;
        private String state = "ok";
        private String showing = "open";
        private int battery;

        Sim(String id, SplittableRandom random) {
            this.id = id;
            this.seq = random.nextInt(0, 5000);
            this.fill = random.nextInt(0, 600) / 10.0;
            this.battery = random.nextInt(40, 101);
        }

        byte[] next(DeviceKind kind, String ts, SplittableRandom random) {
            StringBuilder json = new StringBuilder(96).append("{\"ts\":").append(ts).append(",\"seq\":").append(seq++);
            switch (kind) {
                case PRESENCE -> presence(json, random);
                case BIN -> bin(json, random);
                case SIGNAGE -> signage(json, random);
                case BADGE -> badge(json);
            }
            if (kind != DeviceKind.SIGNAGE && seq % 20 == 1) {
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
            long tap = seq - 1;
            String card = String.format("04%06X", (id.hashCode() & 0xFFFF) * 16 + (int) (tap / 2 % 8));
            json.append(",\"card\":\"").append(card).append("\",\"action\":\"").append(tap % 2 == 0 ? "in" : "out")
                    .append('"');
        }
    }
}
