package io.hallwatch.broker;

import io.hallwatch.broker.BrokerApi.AuthenticateAnswer;
import io.hallwatch.broker.BrokerApi.AuthenticateRequest;
import io.hallwatch.broker.BrokerApi.AuthorizeAnswer;
import io.hallwatch.broker.BrokerApi.AuthorizeRequest;
import io.hallwatch.ingest.MqttConfig;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What a broker asks before it lets a client connect, publish or subscribe (EMQX HTTP authentication
 * and authorization, and similar). No person logs in here: the broker proves itself with the shared
 * secret header of {@code hallwatch.mqtt.http-auth}, so the endpoints are open at the HTTP level.
 */
@Path("/api/broker")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Broker")
public class BrokerAuthResource {

    @Inject
    BrokerAuth auth;
    @Inject
    MqttConfig config;

    @POST
    @Path("authenticate")
    @Operation(summary = "May this client connect? Devices with their current password, the service, people of /api/users")
    @APIResponse(responseCode = "200", description = "{\"result\":\"allow\"|\"deny\",\"is_superuser\":false}")
    @APIResponse(responseCode = "401", description = "The broker's shared secret header is missing or wrong")
    public AuthenticateAnswer authenticate(AuthenticateRequest request, @Context HttpServerRequest http) {
        auth.checkSecret(http.getHeader(config.httpAuth().header()), address(http));
        return auth.authenticate(request);
    }

    @POST
    @Path("authorize")
    @Operation(summary = "May this client publish to or subscribe to this topic? Devices only their own topics")
    @APIResponse(responseCode = "200", description = "{\"result\":\"allow\"|\"deny\"}")
    @APIResponse(responseCode = "401", description = "The broker's shared secret header is missing or wrong")
    public AuthorizeAnswer authorize(AuthorizeRequest request, @Context HttpServerRequest http) {
        auth.checkSecret(http.getHeader(config.httpAuth().header()), address(http));
        return auth.authorize(request);
    }

    private static String address(HttpServerRequest http) {
        return http.remoteAddress() == null ? "?" : http.remoteAddress().hostAddress();
    }
}
