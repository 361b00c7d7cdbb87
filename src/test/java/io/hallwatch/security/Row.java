package io.hallwatch.security;

import io.restassured.response.Response;
import java.util.Set;
import java.util.function.Function;

/**
 * One endpoint of the role matrix: its method and path as the OpenAPI document names them, the roles
 * it takes, how far a caller's halls matter, and how to call it successfully (fresh ids each time, so
 * that an allowed call answers 2xx).
 */
record Row(String method, String path, Set<String> roles, Scope scope, Function<Call, Response> call) {

    /** How the caller's halls count. */
    enum Scope {
        /** About one hall: a caller of another hall gets 404 as for a hall that does not exist. */
        HALL,
        /** Not about one hall: the role alone decides. */
        ANY,
        /** Reaches every hall: only callers for every hall ({@code *}), others get 403. */
        EVERY_HALL,
        /** Open to anyone, also without credentials ({@code @PermitAll}); checks its own secret. */
        PUBLIC
    }

    /** The status class a caller should get: {@code 2} for 2xx, or the exact status. */
    int expected(Who who, boolean inside) {
        if (scope == Scope.PUBLIC) {
            return 2;
        }
        if (who == Who.ANONYMOUS) {
            return 401;
        }
        if (!roles.contains(who.role)) {
            return 403;
        }
        if (scope == Scope.EVERY_HALL) {
            return who.everyHall ? 2 : 403;
        }
        return scope == Scope.ANY || inside || who.everyHall ? 2 : 404;
    }

    String key() {
        return method + " " + path;
    }
}
