package io.hallwatch.broker;

/** The broker did not take a dynamic-security change: unreachable, too slow, or refused (the message says which). */
class DynSecException extends RuntimeException {

    DynSecException(String message) {
        super(message, null, false, false);
    }
}
