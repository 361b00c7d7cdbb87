package io.hallwatch.broker;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** Bodies of the broker endpoints: what a broker asks and is answered, and the state of device identities there. */
public final class BrokerApi {

    private BrokerApi() {
    }

    /** EMQX's HTTP authentication request (its placeholders {@code ${clientid}} and so on, as JSON). */
    public record AuthenticateRequest(String clientid, String username, String password, String peerhost) {

        /** Never shows the password. */
        @Override
        public String toString() {
            return "authenticate " + username + " (client id " + clientid + ", from " + peerhost + ")";
        }
    }

    /** {@code allow} or {@code deny}; no HallWatch login is a broker superuser. */
    public record AuthenticateAnswer(String result, @JsonProperty("is_superuser") boolean isSuperuser) {
    }

    /** EMQX's HTTP authorization request: may this client {@code publish} to or {@code subscribe} to {@code topic}. */
    public record AuthorizeRequest(String clientid, String username, String topic, String action, Integer qos,
            String peerhost) {
    }

    /** {@code allow} or {@code deny}. */
    public record AuthorizeAnswer(String result) {
    }

    /**
     * Device identities at a broker HallWatch keeps (Mosquitto with dynamic security): changes the broker
     * has not taken yet, and devices that must have their credentials rotated before they can connect.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SyncState(boolean enabled, boolean connected, Instant lastResync, List<PendingChange> pending,
            List<NeedsRotation> needsRotation) {
    }

    /** A change tried and not yet taken by the broker; tried again every {@code hallwatch.mqtt.dynsec.retry-interval}. */
    public record PendingChange(String device, String change, int attempts, Instant since, String lastError) {
    }

    /** An active device whose client at the broker is missing or holds an older password. */
    public record NeedsRotation(String device, String reason, Instant since) {
    }
}
