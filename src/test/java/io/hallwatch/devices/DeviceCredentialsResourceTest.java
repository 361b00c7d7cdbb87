package io.hallwatch.devices;

import static io.hallwatch.support.Api.admin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.hallwatch.audit.AuditEvent;
import io.hallwatch.support.Api;
import io.hallwatch.support.Api.TestHall;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rotation and revocation of device credentials over REST, and what the audit trail keeps of them. */
@QuarkusTest
class DeviceCredentialsResourceTest {

    @Inject
    EntityManager entities;

    @Test
    void rotationAnswersNewCredentialsOnce() {
        TestHall hall = Api.provisionHall();
        String old = hall.password(hall.bin());
        String fresh = admin().post("/api/devices/" + hall.bin() + "/rotate").then().statusCode(200)
                .body("mqttUsername", equalTo(hall.bin()))
                .body("topic", equalTo("hallwatch/v1/" + hall.hall() + "/bin/" + hall.bin()))
                .body("statusTopic", equalTo("hallwatch/v1/" + hall.hall() + "/status/" + hall.bin()))
                .body("$", not(hasKey("brokerSync")))
                .extract().path("mqttPassword");
        assertNotEquals(old, fresh);
        admin().get("/api/devices/" + hall.bin()).then().statusCode(200)
                .body("$", not(hasKey("mqttPassword")));
    }

    @Test
    void aRevokedOrUnknownDeviceIsNotRotated() {
        TestHall hall = Api.provisionHall();
        admin().delete("/api/devices/" + hall.badge()).then().statusCode(204);
        admin().post("/api/devices/" + hall.badge() + "/rotate").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("revoked"));
        admin().post("/api/devices/nobody-" + hall.hall() + "/rotate").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("does not exist"));
    }

    @Test
    void theBrokerLoginsOfTheServiceAreNoDeviceIds() {
        TestHall hall = Api.provisionHall();
        admin().body(Map.of("id", "hallwatch-service", "hall", hall.hall(), "kind", "bin")).post("/api/devices")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("broker login"));
    }

    @Test
    void provisioningRotationAndRevocationAreAuditedWithoutPasswords() {
        TestHall hall = Api.provisionHall();
        String rotated = admin().post("/api/devices/" + hall.sign() + "/rotate").then().statusCode(200)
                .extract().path("mqttPassword");
        admin().delete("/api/devices/" + hall.sign()).then().statusCode(204);
        admin().delete("/api/devices/" + hall.sign()).then().statusCode(204);
        List<AuditEvent> events = QuarkusTransaction.requiringNew().call(() -> entities
                .createQuery("select e from AuditEvent e where e.target = :device order by e.id", AuditEvent.class)
                .setParameter("device", hall.sign()).getResultList());
        assertEquals(List.of("device.provision", "device.rotate", "device.revoke"),
                events.stream().map(e -> e.action).toList(), "revoking a revoked device changes nothing");
        for (AuditEvent event : events) {
            assertEquals(hall.hall(), event.hall);
            assertEquals("admin", event.actor);
            String details = String.valueOf(event.details);
            assertFalse(details.contains(hall.password(hall.sign())) || details.contains(rotated),
                    event.action + " keeps a password: " + details);
            assertFalse(details.contains("pbkdf2"), event.action + " keeps a password hash: " + details);
        }
    }
}
