package io.hallwatch.bridge.provision;

import java.util.Locale;

/**
 * What became of one row of the user's file. Never holds a password.
 *
 * @param line   the line of the user's file
 * @param id     the device id
 * @param status what happened
 * @param reason why it was not created (null when it was)
 */
public record RowOutcome(int line, String id, Status status, String reason) {

    /** What happened to a row. */
    public enum Status {
        /** Created; its credentials are in the credentials file. */
        CREATED,
        /** The service refused it, saying why. */
        FAILED,
        /** Sent, but no answer says what became of it: the service may have created it without us learning the password. */
        UNKNOWN,
        /** Not sent, because provisioning stopped before its batch. */
        NOT_SENT;

        public String wire() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
