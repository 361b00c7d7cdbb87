package io.hallwatch.ingest;

/** The embedded broker login of the service itself, for tests that must act as the service. */
public final class ServiceLogin {

    private ServiceLogin() {
    }

    public static String username() {
        return EmbeddedBroker.SERVICE_USER;
    }

    public static String password(BrokerAccess access) {
        return access.servicePassword();
    }
}
