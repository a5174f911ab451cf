package dev.lanyard.rest;

import java.util.UUID;
import java.util.function.Supplier;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lanyard.audit.RestAudit;
import dev.lanyard.migration.LegacyUnavailableException;
import dev.lanyard.migration.LegacyUserStorageProvider;
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

    private static final Logger LOG = Logger.getLogger(Endpoints.class);
    /** Configured once here, then only used: a Jackson mapper is safe to share once configured. */
    private static final ObjectMapper WITH_NULLS = JsonSerialization.mapper.copy().setSerializationInclusion(JsonInclude.Include.ALWAYS);

    private Endpoints() {
    }

    /**
     * Runs one operation: {@code operation} is its OpenAPI operationId, {@code body} the request body
     * as received (null if none). In realms that list {@code lanyard-audit}, the call and its answer
     * are written to the audit trail (a refusal too; a rolled-back call is not).
     */
    public static Response run(KeycloakSession session, SeedEnvelope envelope, String operation, String body, Supplier<Response> endpoint) {
        Response response = answer(session, envelope, endpoint);
        if (!session.getTransactionManager().getRollbackOnly()) {
            Caller caller = (Caller) session.getAttribute(Caller.ATTRIBUTE);
            RestAudit.record(session, operation, body, caller == null ? null : caller.user(), response);
        }
        return response;
    }

    private static Response answer(KeycloakSession session, SeedEnvelope envelope, Supplier<Response> endpoint) {
        session.setAttribute(LegacyUserStorageProvider.RAISE_OUTAGE, Boolean.TRUE);
        try {
            return endpoint.get();
        } catch (ApiError error) {
            return error(session, envelope, error);
        } catch (LegacyUnavailableException outage) {
            session.getTransactionManager().setRollbackOnly();
            return error(session, envelope, new ApiError(503, ErrorCodes.LEGACY_UNAVAILABLE,
                    "The legacy user directory does not answer; try again in a minute."));
        } catch (RuntimeException unexpected) {
            session.getTransactionManager().setRollbackOnly();
            String reference = UUID.randomUUID().toString();
            // The exception's message may quote input; the class and stack are enough to find the fault.
            LOG.errorf("Unexpected %s in %s %s (reference %s)", unexpected.getClass().getName(),
                    session.getContext().getHttpRequest().getHttpMethod(), printable(session.getContext().getUri().getPath()), reference);
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

    /** A request path as it may go to the log: control characters (CR/LF, NUL) replaced, so a caller cannot forge lines. */
    static String printable(String path) {
        return path == null ? "" : path.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
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
