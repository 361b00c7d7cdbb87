package io.hallwatch.ingest;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class EmbeddedBrokerPortTest {

    @Test
    void aTakenPortIsAStartUpErrorThatNamesTheSetting() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> EmbeddedBroker.checkPortFree("127.0.0.1", taken.getLocalPort()));
            assertTrue(e.getMessage().startsWith("hallwatch.mqtt.embedded.port: port " + taken.getLocalPort()),
                    e.getMessage());
            assertTrue(e.getMessage().contains("HALLWATCH_MQTT_EMBEDDED_PORT"), e.getMessage());
        }
    }

    @Test
    void aFreePortPasses() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            port = probe.getLocalPort();
        }
        assertDoesNotThrow(() -> EmbeddedBroker.checkPortFree("127.0.0.1", port));
    }
}
