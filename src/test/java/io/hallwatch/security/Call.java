package io.hallwatch.security;

import io.restassured.specification.RequestSpecification;

/**
 * One call of a row: who makes it, in which hall ({@code side}: A, where the matrix users work, or B),
 * and the fixture with the ids of both halls.
 */
record Call(MatrixFixture fixture, Who who, MatrixFixture.Side side) {

    /** Requests as the caller (their shared account). */
    RequestSpecification as() {
        return fixture.as(who);
    }

    /** Requests as a new person with the caller's role and halls, for calls that change the person. */
    RequestSpecification asNewPerson() {
        return fixture.asNewPerson(who);
    }

    String hall() {
        return side.hall();
    }

    /** A fresh id for what the call creates. */
    String fresh(String prefix) {
        return prefix + io.hallwatch.support.Api.unique();
    }
}
