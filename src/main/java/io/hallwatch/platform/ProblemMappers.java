package io.hallwatch.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps every exception that leaves a resource to {@code application/problem+json}. Clients get a
 * useful {@code detail}; never a stack trace or a Java class name. Unexpected errors are logged with
 * a reference the client can quote.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return Problem.response(e.status(), e.title(), e.getMessage());
    }

    @ServerExceptionMapper(priority = 1)
    public Response unauthenticated(AuthenticationFailedException e) {
        return challenge();
    }

    @ServerExceptionMapper(priority = 1)
    public Response unauthorized(UnauthorizedException e) {
        return challenge();
    }

    @ServerExceptionMapper(priority = 1)
    public Response forbidden(ForbiddenException e) {
        return Problem.response(403, "Forbidden", "your account may not do this");
    }

    private static Response challenge() {
        return Response.fromResponse(Problem.response(401, "Unauthorized",
                "log in with HTTP Basic as a user of /api/users, or as admin (password set by HALLWATCH_ADMIN_PASSWORD, or generated into <data-dir>/admin-password)"))
                .header("WWW-Authenticate", "Basic realm=\"HallWatch\"").build();
    }

    @ServerExceptionMapper(priority = 1)
    public Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(err -> err.field() + " " + err.message())
                .collect(Collectors.joining("; "));
        return Problem.response(new Problem("about:blank", "Bad Request", 400, detail, errors));
    }

    @ServerExceptionMapper(priority = 1)
    public Response mismatched(MismatchedInputException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadable(JsonProcessingException e) {
        String detail = "request body is not valid JSON for this resource";
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String path = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            detail = "field '" + path + "' has a wrong type or value";
            if (e.getCause() instanceof IllegalArgumentException cause && cause.getMessage() != null) {
                detail += ": " + cause.getMessage();
            }
        }
        return Problem.response(400, "Bad Request", detail);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException unreadableBody) {
            return unreadable(unreadableBody);
        }
        int status = e.getResponse().getStatus();
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
        return Problem.response(status, title, status == 404 ? "no such resource" : title);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return Problem.response(409, "Conflict", "the record changed while this request ran; try again");
            }
        }
        String reference = UUID.randomUUID().toString();
        Log.errorf(e, "Unexpected error, reference %s", reference);
        return Problem.response(500, "Internal Server Error",
                "the service failed to handle this request; quote reference " + reference + " to the operator");
    }

    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        // Drop the method and parameter names ("create.request.") that mean nothing to a client.
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length)) : path;
    }
}
