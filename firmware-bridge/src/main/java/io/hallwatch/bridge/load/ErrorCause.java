package io.hallwatch.bridge.load;

import org.eclipse.paho.client.mqttv3.MqttException;

/** Why a message was not published, as the load report counts it. */
public enum ErrorCause {
    /** The connection broke while the message waited for its acknowledgement. */
    CONNECTION_LOST("connectionLost"),
    /** The connection's window of unacknowledged messages was full: the broker did not keep up. */
    MAX_INFLIGHT("maxInflight"),
    /** The client was reconnecting or closing when the message was due. */
    NOT_CONNECTED("notConnected"),
    /** No acknowledgement arrived before the end of the run plus {@code --ack-timeout}. */
    TIMEOUT("timeout"),
    /** Anything else, e.g. the broker refusing the topic. */
    OTHER("other");

    private final String key;

    ErrorCause(String key) {
        this.key = key;
    }

    /** The name in the JSON report. */
    public String key() {
        return key;
    }

    public static ErrorCause of(Throwable failure) {
        if (!(failure instanceof MqttException)) {
            return OTHER;
        }
        switch (((MqttException) failure).getReasonCode()) {
            case MqttException.REASON_CODE_CONNECTION_LOST:
                return CONNECTION_LOST;
            case MqttException.REASON_CODE_MAX_INFLIGHT:
                return MAX_INFLIGHT;
            case MqttException.REASON_CODE_CLIENT_NOT_CONNECTED:
            case MqttException.REASON_CODE_CLIENT_DISCONNECTING:
            case MqttException.REASON_CODE_CLIENT_CLOSED:
            case MqttException.REASON_CODE_CONNECT_IN_PROGRESS:
                return NOT_CONNECTED;
            case MqttException.REASON_CODE_CLIENT_TIMEOUT:
                return TIMEOUT;
            default:
                return OTHER;
        }
    }
}
