package io.hallwatch.support;

import org.eclipse.paho.client.mqttv3.MqttException;

/** Keeps the shared test broker tidy: the tests' service client ids are fixed, and wiped before use. */
public final class MqttSessions {

    private MqttSessions() {
    }

    /** Ends the broker's session for {@code clientId}, with whatever it had queued from an earlier run. */
    public static void wipe(String url, String clientId) throws MqttException {
        DeviceClient.connect(url, clientId, null, null).close();
    }
}
