package io.hallwatch.broker;

import io.hallwatch.broker.BrokerApi.AuthenticateAnswer;
import io.hallwatch.broker.BrokerApi.AuthenticateRequest;
import io.hallwatch.broker.BrokerApi.AuthorizeAnswer;
import io.hallwatch.broker.BrokerApi.AuthorizeRequest;
import io.hallwatch.ingest.BrokerAccess;
import io.hallwatch.ingest.BrokerAccess.Login;
import io.hallwatch.ingest.MqttConfig;
import io.hallwatch.ingest.SecurityEvent;
import io.hallwatch.ingest.SecurityEvents;
import io.hallwatch.platform.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Answers brokers that ask an HTTP service who may connect and what they may do (EMQX's HTTP
 * authentication and authorization, and similar), with the same decision as the embedded broker
 * ({@link BrokerAccess}). The broker proves itself with the shared secret of
 * {@code hallwatch.mqtt.http-auth.secret}; without it nothing is answered but 401.
 */
@ApplicationScoped
public class BrokerAuth {

    static final String ALLOW = "allow";
    static final String DENY = "deny";

    @Inject
    MqttConfig config;
    @Inject
    BrokerAccess access;
    @Inject
    SecurityEvents security;

    /** @throws ProblemException 401 when the secret is not configured, missing or wrong */
    void checkSecret(String given, String address) {
        String header = config.httpAuth().header();
        Optional<String> secret = config.httpAuth().secret().filter(s -> !s.isBlank());
        if (secret.isEmpty()) {
            throw new ProblemException(401, "Unauthorized", "broker HTTP authentication is off: set"
                    + " hallwatch.mqtt.http-auth.secret, and have the broker send it in the " + header + " header");
        }
        if (given == null || !MessageDigest.isEqual(secret.get().getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8))) {
            security.refused(SecurityEvent.BROKER_SECRET_REFUSED, "HTTP client " + address,
                    "asked /api/broker/* " + (given == null ? "without the " : "with a wrong ") + header + " header");
            throw new ProblemException(401, "Unauthorized", "the " + header + " header is missing or wrong");
        }
    }

    AuthenticateAnswer authenticate(AuthenticateRequest request) {
        boolean allowed = request != null && access.authenticate(request.clientid(), request.username(),
                request.password(), request.peerhost()).isPresent();
        return new AuthenticateAnswer(allowed ? ALLOW : DENY, false);
    }

    AuthorizeAnswer authorize(AuthorizeRequest request) {
        if (request == null || request.topic() == null || request.action() == null) {
            return new AuthorizeAnswer(DENY);
        }
        boolean publish = "publish".equals(request.action());
        boolean subscribe = "subscribe".equals(request.action());
        Optional<Login> login = access.identify(request.username());
        boolean allowed = login.isPresent() && (publish && access.mayPublish(login.get(), request.topic())
                || subscribe && access.maySubscribe(login.get(), request.topic()));
        if (!allowed) {
            security.refused(subscribe ? SecurityEvent.SUBSCRIBE_REFUSED : SecurityEvent.PUBLISH_REFUSED,
                    "user '" + request.username() + "', client id '" + request.clientid() + "'"
                            + (request.peerhost() == null ? "" : " from " + request.peerhost()),
                    request.action() + " " + request.topic());
        }
        return new AuthorizeAnswer(allowed ? ALLOW : DENY);
    }
}
