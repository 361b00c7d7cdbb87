package io.hallwatch.ingest;

import static io.hallwatch.support.Api.admin;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallwatch.broker.MqttProbe;
import io.hallwatch.devices.DeviceKind;
import io.hallwatch.support.Api;
import io.hallwatch.support.Api.TestHall;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.Test;

/**
 * The embedded broker's TLS listener, with a key store made by the JDK's keytool for 127.0.0.1:
 * devices log in and publish over TLS with their own credentials, and plain MQTT does not pass there.
 * HTTPS, configured as docs/security.md says, answers with the same key store.
 */
@QuarkusTest
@TestProfile(EmbeddedBrokerTlsTest.Tls.class)
class EmbeddedBrokerTlsTest {

    static final String PASSWORD = "key-store-password";

    @Inject
    EmbeddedBroker broker;
    @Inject
    MqttIngest ingest;
    @TestHTTPResource(value = "/q/health/live", tls = true)
    URL https;
    @ConfigProperty(name = "hallwatch.mqtt.embedded.key-store")
    String keyStore;

    /** The embedded broker with a TLS listener on a free port. */
    public static class Tls implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            Path keys = keyStore();
            // A store of its own: Moquette cannot read back the sessions another Quarkus start in this JVM kept.
            return Map.of("hallwatch.data-dir", dir().resolve("data").toString(),
                    "hallwatch.mqtt.embedded.ssl-port", "0",
                    "hallwatch.mqtt.embedded.key-store", keys.toString(),
                    "hallwatch.mqtt.embedded.key-store-password", PASSWORD,
                    // HTTPS as docs/security.md describes it, with the same key store.
                    "quarkus.tls.key-store.p12.path", keys.toString(),
                    "quarkus.tls.key-store.p12.password", PASSWORD,
                    "quarkus.http.test-ssl-port", "0");
        }
    }

    /** Beside the test run's data directory, as it is before the profile's settings apply. */
    static Path dir() {
        return Path.of(System.getProperty("hallwatch.data-dir", "target/test-data/manual") + "-tls").toAbsolutePath();
    }

    static Path keyStore() {
        Path dir = dir();
        Path keys = dir.resolve("broker.p12");
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(keys);
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                    "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                    "-keystore", keys.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("keytool.log").toFile()).start();
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + Files.readString(dir.resolve("keytool.log")));
            }
            return keys;
        } catch (IOException e) {
            throw new IllegalStateException("cannot make a key store in " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making a key store", e);
        }
    }

    /** Beside the key store: the profile's settings are system properties by the time the tests run. */
    Path trustStore() {
        return Path.of(keyStore).resolveSibling("trust.p12");
    }

    /** Trusts exactly the certificate of the broker's key store. */
    SSLSocketFactory trustingTheBroker() throws IOException, GeneralSecurityException {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(keyStore))) {
            keys.load(in, PASSWORD.toCharArray());
        }
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("broker", keys.getCertificate("broker"));
        try (OutputStream out = Files.newOutputStream(trustStore())) {
            trusted.store(out, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context.getSocketFactory();
    }

    @Test
    void httpsAnswersWithTheConfiguredCertificate() throws Exception {
        trustingTheBroker();
        assertTrue(https.toString().startsWith("https://"), https.toString());
        given().trustStore(trustStore().toFile(), PASSWORD).get(https).then().statusCode(200);
    }

    @Test
    void aDeviceLogsInAndPublishesOverTls() throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(ingest::isConnected);
        TestHall hall = Api.provisionHall();
        assertTrue(broker.sslPort().isPresent());
        String url = "ssl://127.0.0.1:" + broker.sslPort().getAsInt();
        try (MqttProbe bin = MqttProbe.connect(url, hall.bin() + "-tls", hall.bin(), hall.password(hall.bin()),
                trustingTheBroker())) {
            bin.publish(Topics.reading(hall.hall(), DeviceKind.BIN, hall.bin()),
                    "{\"ts\":\"" + Instant.now() + "\",\"fill\":55}");
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> admin().get("/api/halls/" + hall.hall() + "/status")
                .then().body("bins[0].fill", equalTo(55.0f)));
        assertThrows(MqttException.class, () -> MqttProbe.connect(url, hall.bin() + "-tls", "nobody", "x",
                trustingTheBroker()));
        assertThrows(MqttException.class, () -> MqttProbe.connect("tcp://127.0.0.1:" + broker.sslPort().getAsInt(),
                hall.bin() + "-plain", hall.bin(), hall.password(hall.bin()), null), "plain MQTT on the TLS port");
    }
}
