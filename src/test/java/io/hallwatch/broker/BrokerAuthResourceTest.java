package io.hallwatch.broker;

import static io.hallwatch.support.Api.admin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hallwatch.ingest.BrokerAccess;
import io.hallwatch.ingest.ServiceLogin;
import io.hallwatch.support.Api;
import io.hallwatch.support.Api.TestHall;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * {@code /api/broker/authenticate} and {@code /authorize} asked as EMQX's HTTP authentication and
 * authorization ask them (JSON bodies of its placeholders, the shared secret in a header), case by case.
 */
@QuarkusTest
class BrokerAuthResourceTest {

    static final String HEADER = "X-HallWatch-Broker-Secret";
    static final String SECRET = "test-broker-secret";

    @Inject
    BrokerAccess access;
    @Inject
    MeterRegistry registry;

    TestHall hall;
    String person;

    @BeforeEach
    void provision() {
        hall = Api.provisionHall();
        person = Api.createUser("cleaning", hall.hall());
        admin().delete("/api/devices/" + hall.badge()).then().statusCode(204);
    }

    static RequestSpecification broker() {
        return given().contentType(ContentType.JSON).header(HEADER, SECRET);
    }

    /** One question and the answer a broker must get. */
    record Case(String name, Map<String, Object> body, String expected) {
    }

    static Case login(String name, String clientId, String username, String password, String expected) {
        Map<String, Object> body = new HashMap<>();
        body.put("clientid", clientId);
        body.put("username", username);
        body.put("password", password);
        body.put("peerhost", "192.0.2.7");
        return new Case(name, body, expected);
    }

    static Case access(String name, String username, String action, String topic, String expected) {
        return new Case(name, Map.of("clientid", username + "-1", "username", username, "action", action,
                "topic", topic, "qos", 1), expected);
    }

    @Test
    void authenticatesAsTheEmbeddedBrokerWould() {
        String bin = hall.bin();
        List<Case> cases = List.of(
                login("device, its password", bin + "-1", bin, hall.password(bin), "allow"),
                login("device, wrong password", bin + "-1", bin, "wrong", "deny"),
                login("device, no password", bin + "-1", bin, null, "deny"),
                login("anonymous", "anon-1", null, null, "deny"),
                login("empty user name", "anon-1", "", "", "deny"),
                login("revoked device, its old password", "r-1", hall.badge(), hall.password(hall.badge()), "deny"),
                login("unknown user", "x-1", "nobody-" + hall.hall(), "x", "deny"),
                login("device taking the service's client id", "hallwatch-service", bin, hall.password(bin), "deny"),
                login("person, their password", person + "-1", person, Api.PERSON_PASSWORD, "allow"),
                login("person, wrong password", person + "-1", person, "wrong", "deny"),
                login("the service", "svc-1", ServiceLogin.username(), ServiceLogin.password(access), "allow"),
                login("the service, wrong password", "svc-1", ServiceLogin.username(), "wrong", "deny"));
        assertAll(cases.stream().map(c -> (Executable) () -> broker().body(c.body()).post("/api/broker/authenticate")
                .then().statusCode(200).body("result", equalTo(c.expected()))
                .body("is_superuser", equalTo(false))));
    }

    @Test
    void authorisesAsTheEmbeddedBrokerWould() {
        String h = hall.hall();
        String bin = hall.bin();
        List<Case> cases = new ArrayList<>(List.of(
                access("device, its reading topic", bin, "publish", "hallwatch/v1/" + h + "/bin/" + bin, "allow"),
                access("device, its status topic", bin, "publish", "hallwatch/v1/" + h + "/status/" + bin, "allow"),
                access("device, another device's topic", bin, "publish", "hallwatch/v1/" + h + "/presence/" + hall.presence(), "deny"),
                access("device, an alerts topic named like it", bin, "publish", "hallwatch/v1/" + h + "/alerts/" + bin, "deny"),
                access("device, outside the contract", bin, "publish", "zigbee2mqtt/" + bin, "deny"),
                access("device, subscribe #", bin, "subscribe", "#", "deny"),
                access("device, subscribe its own topic", bin, "subscribe", "hallwatch/v1/" + h + "/bin/" + bin, "deny"),
                access("revoked device, its topic", hall.badge(), "publish", "hallwatch/v1/" + h + "/badge/" + hall.badge(), "deny"),
                access("person, their team's alerts", person, "subscribe", "hallwatch/v1/" + h + "/alerts/cleaning", "allow"),
                access("person, another team's alerts", person, "subscribe", "hallwatch/v1/" + h + "/alerts/ops", "deny"),
                access("person, another hall's alerts", person, "subscribe", "hallwatch/v1/elsewhere/alerts/cleaning", "deny"),
                access("person, publish", person, "publish", "hallwatch/v1/" + h + "/alerts/cleaning", "deny"),
                access("the service, device topics", ServiceLogin.username(), "subscribe", "hallwatch/v1/+/bin/+", "allow"),
                access("the service, alerts", ServiceLogin.username(), "publish", "hallwatch/v1/" + h + "/alerts/ops", "allow"),
                access("unknown user", "nobody-" + h, "publish", "hallwatch/v1/" + h + "/bin/nobody-" + h, "deny"),
                access("unknown action", bin, "all", "hallwatch/v1/" + h + "/bin/" + bin, "deny")));
        assertAll(cases.stream().map(c -> (Executable) () -> assertEquals(c.expected(),
                broker().body(c.body()).post("/api/broker/authorize").then().statusCode(200).extract().path("result"),
                c.name())));
    }

    /** The broker's peerhost is the client's address: failures from it lock it, whatever the names. */
    @Test
    void failedLoginsFromOnePeerhostLockItAndNotOthers() {
        String peer = "198.18." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(1, 255);
        for (int i = 0; i < 20; i++) {
            Map<String, Object> body = login("made-up name", "x-1", "nobody-" + Api.unique(), "x", "deny").body();
            body.put("peerhost", peer);
            broker().body(body).post("/api/broker/authenticate").then().statusCode(200).body("result", equalTo("deny"));
        }
        Map<String, Object> body = login("person, their password", person + "-1", person, Api.PERSON_PASSWORD, "deny").body();
        body.put("peerhost", peer);
        broker().body(body).post("/api/broker/authenticate").then().statusCode(200).body("result", equalTo("deny"));
        body.put("peerhost", "198.19.0.1");
        broker().body(body).post("/api/broker/authenticate").then().statusCode(200).body("result", equalTo("allow"));
    }

    @Test
    void withoutTheSharedSecretNothingIsAnsweredAndTheAttemptIsCounted() {
        double before = registry.get("hallwatch.security.events").tag("reason", "BROKER_SECRET_REFUSED").counter().count();
        Map<String, Object> body = login("device", "c", hall.bin(), hall.password(hall.bin()), "").body();
        given().contentType(ContentType.JSON).body(body).post("/api/broker/authenticate").then().statusCode(401)
                .contentType("application/problem+json").body("detail", containsString(HEADER));
        given().contentType(ContentType.JSON).header(HEADER, "guess").body(body).post("/api/broker/authenticate")
                .then().statusCode(401);
        given().contentType(ContentType.JSON).header(HEADER, "guess").body(Map.of("username", hall.bin(),
                "action", "publish", "topic", "#")).post("/api/broker/authorize").then().statusCode(401);
        // A person's login is no broker: HTTP Basic alone does not open these endpoints either.
        Api.as(person).body(body).post("/api/broker/authenticate").then().statusCode(401);
        assertEquals(before + 4, registry.get("hallwatch.security.events").tag("reason", "BROKER_SECRET_REFUSED")
                .counter().count());
    }
}
