package io.hallwatch.users;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Sends {@code /crew}, as people type it on a phone, to the crew page at {@code /crew/}. */
@ApplicationScoped
public class CrewPage {

    void route(@Observes Router router) {
        router.get("/crew").handler(context -> context.redirect("/crew/"));
    }
}
