package dev.lanyard.rest;

import java.util.UUID;
import java.util.function.Supplier;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lanyard.Printable;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.util.JsonSerialization;

/**
 * Runs an endpoint so that every answer is JSON in its seed's envelope: refusals ({@link ApiError})
 * become their status and code, anything unexpected a 500 with a reference to the server log and a
 * rolled-back transaction.
 * <p>
 * Refusals do not roll back: they change no data, and the counters a refusal must update (code
 * tries, brute-force failures) have to survive it.
 */
public final class Endpoints {

    /**
     * Session attribute set while a Lanyard REST operation runs: providers that answer browsers and REST calls
     * differently (the legacy bridge's outage) throw an {@link ApiError} for it to answer in the seed's envelope.
     */
    public static final String REST_CALL = "lanyard.rest-call";

    private static final Logger LOG = Logger.getLogger(Endpoints.class);
    /** Configured once here, then only used: a Jackson mapper is safe to share once configured. */
    private static final ObjectMapper WITH_NULLS = JsonSerialization.mapper.copy().setSerializationInclusion(JsonInclude.Include.ALWAYS);

    private Endpoints() {
    }

    /**
     * Runs one operation: {@code operation} is its OpenAPI operationId, {@code body} the request body
     * as received (null if none). The call and its answer go to the {@link CallAudit} (a refusal too; a
     * rolled-back call does not).
     */
    public static Response run(KeycloakSession session, SeedEnvelope envelope, String operation, String body, Supplier<Response> endpoint) {
        Response response = answer(session, envelope, endpoint);
        CallAudit audit = session.getProvider(CallAudit.class);
        if (audit != null && !session.getTransactionManager().getRollbackOnly()) {
            Caller caller = (Caller) session.getAttribute(Caller.ATTRIBUTE);
            audit.record(operation, body, caller == null ? null : caller.user(), response);
        }
        return response;
    }

    private static Response answer(KeycloakSession session, SeedEnvelope envelope, Supplier<Response> endpoint) {
        session.setAttribute(REST_CALL, Boolean.TRUE);
        try {
            return endpoint.get();
        } catch (ApiError error) {
            if (error.rollsBack()) {
                session.getTransactionManager().setRollbackOnly();
            }
            return error(session, envelope, error);
        } catch (RuntimeException unexpected) {
            session.getTransactionManager().setRollbackOnly();
            String reference = UUID.randomUUID().toString();
            // The exception's message may quote input; the class and stack are enough to find the fault.
            LOG.errorf("Unexpected %s in %s %s (reference %s)", unexpected.getClass().getName(),
                    session.getContext().getHttpRequest().getHttpMethod(), Printable.of(session.getContext().getUri().getPath()), reference);
            LOG.debugf(unexpected, "Stack of reference %s", reference);
            return error(session, envelope, new ApiError(500, ErrorCodes.INTERNAL_ERROR,
                    "An unexpected error occurred; reference " + reference + " in the server log."));
        }
    }

    public static Response error(KeycloakSession session, SeedEnvelope envelope, ApiError error) {
        RealmModel realm = session.getContext().getRealm();
        Response.ResponseBuilder response = Response.status(error.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(text(envelope.body(realm == null ? null : realm.getName(), error)));
        if (error.status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + (realm == null ? "" : realm.getName()) + "\"");
        }
        return response.build();
    }

    public static Response json(int status, Object body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(text(body)).build();
    }

    /**
     * Lanyard's own answers (maps) as JSON text with null fields kept: the seeds' envelopes name their empty fields ({@code "responseData": null},
     * {@code "statusMessage": null}), and Keycloak's own JSON provider would drop them.
     */
    private static Object text(Object body) {
        if (!(body instanceof java.util.Map)) {
            return body; // a representation of Keycloak's (a token response) is written as Keycloak writes it
        }
        try {
            return WITH_NULLS.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unserializable answer " + body.getClass().getName(), e);
        }
    }
}
