package io.hallwatch.users;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Sends {@code /crew}, as people type it on a phone, to the crew page at {@code /crew/}. */
@ApplicationScoped
public class CrewPage {

    void route(@Observes Router router) {
        // Vert.x matches "/crew/" on this route too: only the bare path is sent on.
        router.get("/crew").handler(context -> {
            if ("/crew".equals(context.request().path())) {
                context.redirect("/crew/");
            } else {
                context.next();
            }
        });
    }
}
