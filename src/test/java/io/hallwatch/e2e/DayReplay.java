package io.hallwatch.e2e;

import static io.hallwatch.support.Api.admin;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hallwatch.calendar.DayKind;
import io.hallwatch.calendar.HallCalendar;
import io.hallwatch.calendar.PublicHolidays;
import io.hallwatch.devices.DeviceKind;
import io.hallwatch.halls.OpeningHours;
import io.hallwatch.ingest.MqttIngest;
import io.hallwatch.ingest.Topics;
import io.hallwatch.rules.RuleTicker;
import io.hallwatch.support.Api;
import io.hallwatch.support.DeviceClient;
import io.hallwatch.support.TestClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Replays a day of one hall from {@code replay/day.txt} over real MQTT, with the service's clock
 * following the replay, and checks the exact set of work orders opened and resolved against
 * {@code replay/day-expected.txt}, and the day's attendance. Run by subclasses on each broker and
 * database pairing.
 */
abstract class DayReplay {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    TestClock clock;
    @Inject
    RuleTicker ticker;
    @Inject
    MeterRegistry registry;
    @Inject
    MqttIngest ingest;

    abstract String brokerUrl();

    private final Map<String, String> ids = new LinkedHashMap<>();
    private final Map<String, DeviceKind> kinds = new HashMap<>();
    private final Map<String, String> passwords = new HashMap<>();
    private final Map<String, DeviceClient> clients = new HashMap<>();
    private final Map<String, String> lastFields = new HashMap<>();
    private final Map<String, Long> seq = new HashMap<>();
    private String hall;
    private LocalDate day;

    @AfterEach
    void disconnect() throws Exception {
        for (DeviceClient client : clients.values()) {
            client.close();
        }
        clock.reset();
    }

    @Test
    void aReplayedDayOpensAndResolvesExactlyTheExpectedOrdersAndJudgesAttendance() throws Exception {
        await().atMost(WAIT).until(ingest::isConnected);
        day = nextRegularMonday();
        provisionHall();
        for (String line : lines("replay/day.txt")) {
            play(line);
        }
        List<String> expected = lines("replay/day-expected.txt");
        assertEquals(expected.stream().sorted().toList(), actualOrders(expected).stream().sorted().toList());
        String late = "days.find { it.staff == 'a2-" + hall + "' }";
        String onTime = "days.find { it.staff == 'a1-" + hall + "' }";
        admin().get("/api/attendance?hall=" + hall + "&from=" + day + "&to=" + day).then().statusCode(200)
                .body(late + ".lateMinutes", equalTo(40))
                .body(late + ".earlyMinutes", equalTo(30))
                .body(late + ".final", equalTo(true))
                .body(onTime + ".late", equalTo(false))
                .body(onTime + ".early", equalTo(false))
                .body(onTime + ".missingOut", equalTo(false))
                .body("tallies.find { it.staff == 'a2-" + hall + "' }.lateOrEarly", equalTo(2));
        afterReplay(hall, day);
    }

    /** What a subclass checks beyond the orders and attendance, once the day has been played. */
    void afterReplay(String hall, LocalDate day) throws Exception {
        // Nothing more by default.
    }

    /** A Monday at least a week ahead that is an ordinary working day, so the replay never meets a holiday. */
    static LocalDate nextRegularMonday() {
        HallCalendar calendar = new HallCalendar(ZONE, OpeningHours.defaults(), Map.of(), PublicHolidays.shipped(), List.of());
        LocalDate day = LocalDate.now(ZONE).plusWeeks(1);
        while (day.getDayOfWeek() != DayOfWeek.MONDAY || calendar.day(day, null).kind() != DayKind.REGULAR) {
            day = day.plusDays(1);
        }
        return day;
    }

    private void provisionHall() throws Exception {
        hall = "m" + Api.unique();
        admin().body(Map.of("id", hall, "name", "回放大厅 " + hall, "timezone", ZONE.getId(),
                "rules", Map.of("sensorSilenceSeconds", 1800, "signageHeartbeatSeconds", 1800)))
                .post("/api/halls").then().statusCode(201);
        staff("a1", "张三", "CA1");
        staff("b1", "李四", "CB1");
        staff("a2", "王五", "CA2");
        window("W01", "1号窗口", Map.of("staffA", "a1-" + hall, "staffB", "b1-" + hall));
        window("W02", "2号窗口", Map.of("staffA", "a2-" + hall));
        device("p1", DeviceKind.PRESENCE, Map.of("window", "W01"));
        device("s1", DeviceKind.SIGNAGE, Map.of("window", "W01"));
        device("p2", DeviceKind.PRESENCE, Map.of("window", "W02"));
        device("s2", DeviceKind.SIGNAGE, Map.of("window", "W02"));
        device("bin1", DeviceKind.BIN, Map.of("zone", "东侧等候区 east waiting area"));
        device("bin2", DeviceKind.BIN, Map.of("zone", "西侧填表台 west form desk"));
        device("r1", DeviceKind.BADGE, Map.of("zone", "员工通道 staff entrance"));
        for (String symbol : ids.keySet()) {
            clients.put(symbol, DeviceClient.connect(brokerUrl(), ids.get(symbol), passwords.get(symbol)));
        }
    }

    private void staff(String symbol, String name, String card) {
        admin().body(Map.of("id", symbol + "-" + hall, "name", name, "hall", hall, "card", card + hall.toUpperCase()))
                .post("/api/staff").then().statusCode(201);
    }

    private void window(String id, String name, Map<String, String> staff) {
        Map<String, Object> body = new HashMap<>(staff);
        body.put("id", id);
        body.put("name", name);
        admin().body(body).post("/api/halls/" + hall + "/windows").then().statusCode(201);
    }

    private void device(String symbol, DeviceKind kind, Map<String, String> placement) {
        Map<String, Object> body = new HashMap<>(placement);
        String id = symbol + "-" + hall;
        body.put("id", id);
        body.put("hall", hall);
        body.put("kind", kind.wire());
        passwords.put(symbol, admin().body(body).post("/api/devices").then().statusCode(201).extract().path("mqttPassword"));
        ids.put(symbol, id);
        kinds.put(symbol, kind);
    }

    private void play(String line) throws Exception {
        String[] words = line.split(" ", 3);
        switch (words[0]) {
            case "tick" -> tick(words[1]);
            case "heartbeat" -> {
                for (String symbol : line.split(" ", 3)[2].split(" ")) {
                    publish(words[1], symbol, lastFields.get(symbol));
                }
            }
            case "status" -> status(words[1], words[2].split(" ")[0], words[2].split(" ")[1]);
            default -> publish(words[0], words[1], words[2]);
        }
    }

    private Instant tick(String time) {
        Instant at = day.atTime(LocalTime.parse(time)).atZone(ZONE).toInstant();
        clock.set(at);
        ticker.tick(at);
        return at;
    }

    private void publish(String time, String symbol, String fields) throws Exception {
        Instant at = tick(time);
        lastFields.put(symbol, fields);
        long next = seq.merge(symbol, 1L, Long::sum);
        // Card UIDs are unique across the installation: each run's cards carry its hall id.
        String own = fields.replaceAll("\"card\":\"([A-Z0-9]+)\"", "\"card\":\"$1" + hall.toUpperCase() + "\"");
        String payload = "{\"ts\":\"" + at + "\",\"seq\":" + next + "," + own.substring(1);
        handled(() -> clients.get(symbol).publish(Topics.reading(hall, kinds.get(symbol), ids.get(symbol)), payload));
    }

    private void status(String time, String symbol, String status) throws Exception {
        tick(time);
        handled(() -> clients.get(symbol).publish(Topics.status(hall, ids.get(symbol)),
                status.getBytes(StandardCharsets.UTF_8), false));
    }

    /** Publishes and waits until the service has accepted the message. */
    private void handled(Publish publish) throws Exception {
        double before = accepted();
        publish.run();
        await().atMost(WAIT).until(() -> accepted() > before);
    }

    private double accepted() {
        return registry.find("hallwatch.ingest.accepted").counters().stream().mapToDouble(Counter::count).sum();
    }

    /** The hall's orders in the expected file's form, with the detail values the expected lines name. */
    private List<String> actualOrders(List<String> expected) {
        Map<String, List<String>> detailKeys = new HashMap<>();
        for (String line : expected) {
            String[] words = line.split(" ");
            List<String> keys = new ArrayList<>();
            for (int i = 6; i < words.length; i++) {
                keys.add(words[i].split("=")[0]);
            }
            detailKeys.put(words[0] + " " + words[1] + " " + words[2], keys);
        }
        List<Map<String, Object>> orders = admin().get("/api/work-orders?hall=" + hall + "&limit=1000")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return orders.stream().map(o -> describe(o, detailKeys)).collect(Collectors.toList());
    }

    @SuppressWarnings("unchecked")
    private String describe(Map<String, Object> order, Map<String, List<String>> detailKeys) {
        String subject = symbol((String) order.get("subject"));
        String head = order.get("type") + " " + subject + " " + local(order.get("openedAt"));
        StringBuilder line = new StringBuilder(head).append(' ').append(order.get("status")).append(' ')
                .append(local(order.get("resolvedAt"))).append(' ').append(order.get("severity"));
        Map<String, Object> details = (Map<String, Object>) order.get("details");
        for (String key : detailKeys.getOrDefault(head, List.of())) {
            line.append(' ').append(key).append('=').append(details.get(key));
        }
        return line.toString();
    }

    private String symbol(String id) {
        return ids.entrySet().stream().filter(e -> e.getValue().equals(id)).map(Map.Entry::getKey)
                .findFirst().orElse(id.endsWith("-" + hall) ? id.substring(0, id.length() - hall.length() - 1) : id);
    }

    private static String local(Object instant) {
        return instant == null ? "-"
                : Instant.parse((String) instant).atZone(ZONE).toLocalTime().format(DateTimeFormatter.ISO_LOCAL_TIME);
    }

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = DayReplay.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
    }

    @FunctionalInterface
    interface Publish {
        void run() throws Exception;
    }
}
