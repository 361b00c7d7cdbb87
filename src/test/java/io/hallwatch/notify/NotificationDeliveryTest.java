package io.hallwatch.notify;

import static io.hallwatch.support.Api.admin;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallwatch.devices.DeviceKind;
import io.hallwatch.halls.Hall;
import io.hallwatch.ingest.BrokerAccess;
import io.hallwatch.ingest.MqttIngest;
import io.hallwatch.ingest.ServiceLogin;
import io.hallwatch.ingest.Topics;
import io.hallwatch.platform.Json;
import io.hallwatch.support.Api;
import io.hallwatch.support.DeviceClient;
import io.hallwatch.support.HttpReceiver;
import io.hallwatch.support.TestClock;
import io.hallwatch.workorders.OrderCommand;
import io.hallwatch.workorders.OrderCommand.Open;
import io.hallwatch.workorders.OrderCommand.Resolve;
import io.hallwatch.workorders.Severity;
import io.hallwatch.workorders.Text;
import io.hallwatch.workorders.WorkOrderService;
import io.hallwatch.workorders.WorkOrderType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Orders reach people: on the MQTT alerts topic and on the hall's channels, within seconds, once each;
 * late when a channel is down, bundled when it is at its limit, once when a sensor flaps.
 */
@QuarkusTest
class NotificationDeliveryTest {

    static final String WECOM_OK = "{\"errcode\":0,\"errmsg\":\"ok\"}";

    @Inject
    WorkOrderService service;
    @Inject
    MqttIngest ingest;
    @Inject
    BrokerAccess access;
    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    String hall(String language) {
        String hall = "n" + Api.unique();
        admin().body(Map.of("id", hall, "name", "通知大厅", "timezone", "Asia/Shanghai", "language", language))
                .post("/api/halls").then().statusCode(201);
        return hall;
    }

    static long channel(String hall, String kind, HttpReceiver receiver, String secret, Integer perMinute) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("team", "cleaning", "kind", kind, "name", kind + " 保洁群",
                "url", receiver.url("/hook?key=tok-" + hall).toString()));
        if (secret != null) {
            body.put("secret", secret);
        }
        if (perMinute != null) {
            body.put("perMinute", perMinute);
        }
        return admin().body(body).post("/api/halls/" + hall + "/channels").then().statusCode(201).extract().jsonPath()
                .getLong("id");
    }

    void apply(String hall, OrderCommand... commands) {
        QuarkusTransaction.requiringNew().run(() -> service.apply(Hall.findById(hall), List.of(commands)));
    }

    static Open binFull(String bin, Instant at) {
        return new Open(WorkOrderType.BIN_FULL, bin, at, at, Severity.MEDIUM, new Text(bin + " 已满", bin + " is full"),
                Map.of("fill", 70), "rule:BIN_FULL sensor:" + bin);
    }

    static Resolve binEmptied(String bin, Instant at) {
        return new Resolve(WorkOrderType.BIN_FULL, bin, at, new Text("已清空", "Emptied"), Map.of(), "rule:BIN_FULL sensor:" + bin);
    }

    static Map<String, Object> json(HttpReceiver.Request request) {
        return Json.read(request.body(), Map.class);
    }

    @Test
    void anOrderOpenedByASensorReachesTheCrewOnMqttAndOnTheWebhookWithinSeconds() throws Exception {
        Api.TestHall hall = Api.provisionHall();
        List<String> alerts = new CopyOnWriteArrayList<>();
        try (HttpReceiver webhook = new HttpReceiver(200, "");
                DeviceClient bin = DeviceClient.connect(ingest.brokerUrl(), hall.bin(), hall.password(hall.bin()))) {
            channel(hall.hall(), "WEBHOOK", webhook, "whsec-" + hall.hall(), null);
            MqttClient crew = subscribe(Topics.ROOT + "/" + hall.hall() + "/alerts/#", alerts);
            bin.publish(Topics.reading(hall.hall(), DeviceKind.BIN, hall.bin()),
                    "{\"ts\":\"" + Instant.now() + "\",\"fill\":80}");

            await().atMost(Duration.ofSeconds(10)).until(() -> webhook.requests().size() == 1 && alerts.size() == 1);
            HttpReceiver.Request request = webhook.only();
            String timestamp = request.header("X-HallWatch-Timestamp");
            assertEquals("sha256=" + hmacHex("whsec-" + hall.hall(), timestamp + "." + request.body()),
                    request.header("X-HallWatch-Signature"), "signed as docs/notifications.md says");
            Map<String, Object> order = json(request);
            assertEquals("opened", order.get("event"));
            assertEquals("BIN_FULL", order.get("type"));
            assertEquals("东侧 east", order.get("place"));
            Map<String, Object> alert = Json.read(alerts.get(0), Map.class);
            assertEquals(order.get("id"), alert.get("id"));
            assertEquals("opened", alert.get("event"));
            // A delivery is settled just after its receiver answered: the receipt can be seen first.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> admin()
                    .get("/api/work-orders/" + order.get("id") + "/deliveries").then()
                    .body("status", everyItem(equalTo("SENT")))
                    .body("destination", contains("mqtt:hallwatch/v1/" + hall.hall() + "/alerts/cleaning",
                            "webhook:WEBHOOK 保洁群")));
            crew.disconnect();
            crew.close();
        }
    }

    @Test
    void aChannelThatAnswers500And200GetsTheMessageOnceLate() throws Exception {
        String hall = hall("zh");
        try (HttpReceiver wecom = new HttpReceiver(200, WECOM_OK).then(500, "busy", Map.of())) {
            channel(hall, "WECOM", wecom, null, null);
            apply(hall, binFull("b-1", Instant.now()));
            await().atMost(Duration.ofSeconds(15)).until(() -> wecom.requests().size() == 2);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> wecom.requests().size() == 2);
            assertEquals(wecom.requests().get(0).body(), wecom.requests().get(1).body(), "the same message, again");
            String text = (String) ((Map<?, ?>) json(wecom.requests().get(1)).get("text")).get("content");
            assertTrue(text.contains("【新工单 · 通知大厅】"), text);
            assertTrue(text.contains("问题：垃圾桶需清理，b-1 已满"), text);
            assertTrue(text.contains("/crew/#order-"), text);
            long order = admin().get("/api/work-orders?hall=" + hall).then().extract().jsonPath().getLong("[0].id");
            admin().get("/api/work-orders/" + order + "/deliveries").then()
                    .body("find { it.destination.startsWith('wecom') }.status", equalTo("SENT"))
                    .body("find { it.destination.startsWith('wecom') }.attempts", equalTo(2));
        }
    }

    @Test
    void aChannelAtItsRateLimitGetsTheRestAsOneBundleAndNothingIsLost() throws Exception {
        String hall = hall("zh");
        // Whole seconds: the database keeps microseconds, and a rounded due time would lie after the clock.
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600);
        clock.set(t);
        try (HttpReceiver wecom = new HttpReceiver(200, WECOM_OK)) {
            channel(hall, "WECOM", wecom, null, 2);
            apply(hall, binFull("b-1", t), binFull("b-2", t), binFull("b-3", t), binFull("b-4", t), binFull("b-5", t));
            await().atMost(Duration.ofSeconds(10)).until(() -> wecom.requests().size() == 2);
            String single = content(wecom.requests().get(0));
            String bundle = content(wecom.requests().get(1));
            assertTrue(single.contains("b-1 已满"), single);
            assertTrue(bundle.startsWith("【4 个垃圾桶需要清理 · 通知大厅】"), bundle);
            for (String bin : List.of("b-2", "b-3", "b-4", "b-5")) {
                assertTrue(bundle.contains(bin + " 已满"), bundle);
            }
            apply(hall, binFull("b-6", t));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> wecom.requests().size() == 2);
            clock.set(t.plusSeconds(61));
            await().atMost(Duration.ofSeconds(10)).until(() -> wecom.requests().size() == 3);
            assertTrue(content(wecom.requests().get(2)).contains("b-6 已满"));
        }
    }

    @Test
    void aFlappingSensorMakesOneMessageNotOneEachTime() throws Exception {
        String hall = hall("en");
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(7200);
        clock.set(t);
        try (HttpReceiver webhook = new HttpReceiver(200, "")) {
            channel(hall, "WEBHOOK", webhook, null, null);
            apply(hall, binFull("b-1", t));
            for (int i = 1; i <= 4; i++) {
                apply(hall, binEmptied("b-1", t.plusSeconds(20L * i)), binFull("b-1", t.plusSeconds(20L * i + 10)));
            }
            apply(hall, binEmptied("b-1", t.plusSeconds(100)));
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> webhook.requests().size() == 1);
            assertEquals("opened", json(webhook.requests().get(0)).get("event"));
            clock.set(t.plusSeconds(301));
            await().atMost(Duration.ofSeconds(10)).until(() -> webhook.requests().size() == 2);
            Map<String, Object> closed = json(webhook.requests().get(1));
            assertEquals("resolved", closed.get("event"));
            assertEquals("AUTO_RESOLVED", closed.get("status"));
            assertEquals(4, closed.get("reopenCount"));
        }
    }

    @Test
    void aCrewHandheldLogsInAsItsPersonAndHearsOnlyItsTeamsAlerts() throws Exception {
        String hall = hall("zh");
        String cleaner = Api.createUser("cleaning", hall);
        List<String> heard = new CopyOnWriteArrayList<>();
        MqttClient handheld = new MqttClient(ingest.brokerUrl(), "handheld-" + Api.unique(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(cleaner);
        options.setPassword("wrong-password".toCharArray());
        assertThrows(MqttSecurityException.class, () -> handheld.connect(options));
        options.setPassword(Api.PERSON_PASSWORD.toCharArray());
        handheld.connect(options);
        String alerts = Topics.ROOT + "/" + hall + "/alerts/";
        assertThrows(MqttException.class, () -> handheld.subscribe(alerts + "ops", 1), "another team's alerts");
        handheld.subscribe(alerts + "cleaning", 1, (topic, message) -> heard.add(topic));
        apply(hall, binFull("b-1", Instant.now()));
        await().atMost(Duration.ofSeconds(10)).until(() -> heard.size() == 1);
        assertEquals(alerts + "cleaning", heard.get(0));
        handheld.disconnect();
        handheld.close();
    }

    @Test
    void channelSecretsAreStoredSealedAndNeverShown() throws Exception {
        String hall = hall("zh");
        String token = "tok-" + Api.unique();
        admin().body(Map.of("team", "ops", "kind", "DINGTALK", "name", "运维群",
                "url", "https://oapi.dingtalk.com/robot/send?access_token=" + token, "secret", "SEC" + token))
                .post("/api/halls/" + hall + "/channels").then().statusCode(201)
                .body("urlHint", equalTo("https://oapi.dingtalk.com/…")).body("secretSet", equalTo(true))
                .body("perMinute", equalTo(20))
                .body(not(containsString(token)));
        admin().get("/api/halls/" + hall + "/channels").then().statusCode(200).body(not(containsString(token)));
        String stored = QuarkusTransaction.requiringNew().call(() -> Channel.<Channel>find("hallId", hall).firstResult()
                .urlSealed + Channel.<Channel>find("hallId", hall).firstResult().secretSealed);
        assertFalse(stored.contains(token), "sealed in the database");
        admin().body(Map.of("team", "ops", "kind", "DINGTALK", "name", "x", "url", "https://oapi.dingtalk.com/robot/send",
                "perMinute", 50)).post("/api/halls/" + hall + "/channels").then().statusCode(400)
                .body("detail", containsString("perMinute must not exceed 20"));
        admin().body(Map.of("team", "janitors", "kind", "WECOM", "name", "x", "url", "https://example.org/"))
                .post("/api/halls/" + hall + "/channels").then().statusCode(400);
        admin().body(Map.of("team", "ops", "kind", "WECOM", "name", "x", "url", "ftp://example.org/"))
                .post("/api/halls/" + hall + "/channels").then().statusCode(400).body("detail", containsString("http"));
    }

    static String content(HttpReceiver.Request request) {
        return (String) ((Map<?, ?>) json(request).get("text")).get("content");
    }

    MqttClient subscribe(String filter, List<String> into) throws Exception {
        MqttClient client = new MqttClient(ingest.brokerUrl(), "crew-" + Api.unique(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(ServiceLogin.username());
        options.setPassword(ServiceLogin.password(access).toCharArray());
        client.connect(options);
        client.subscribe(filter, 1, (topic, message) -> into.add(new String(message.getPayload(), StandardCharsets.UTF_8)));
        return client;
    }

    static String hmacHex(String secret, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }
}
