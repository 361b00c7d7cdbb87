package io.hallwatch.users;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The crew page is served without a login (it logs in itself), also at the path people type. */
@QuarkusTest
class CrewPageTest {

    @Test
    void theCrewPageIsServedAndTheBarePathLeadsToIt() {
        given().get("/crew/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("login-form"));
        given().redirects().follow(false).get("/crew").then().statusCode(302).header("Location", endsWith("/crew/"));
    }
}
