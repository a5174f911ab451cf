package dev.lanyard.enrollment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.lanyard.rest.ApiError;
import org.keycloak.common.util.Time;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.util.JsonSerialization;

/**
 * The {@code Idempotency-Key} header: within {@value #WINDOW_HOURS} hours the same key and body from the same client
 * get the first answer again and change nothing; the same key with another body is 422. The key is claimed by a row
 * with a unique key before the work starts, in the work's transaction: of two requests racing with one key, the
 * second waits for the first's commit (or fails at once, by database) and then replays its answer.
 */
final class Idempotency {

    static final String HEADER = "Idempotency-Key";
    static final String KEY_REUSED = "IDEMPOTENCY_KEY_REUSED";
    static final String IN_PROGRESS = "IDEMPOTENCY_IN_PROGRESS";
    static final String INVALID_KEY = "INVALID_IDEMPOTENCY_KEY";
    static final int WINDOW_HOURS = 24;
    static final long WINDOW_MILLIS = WINDOW_HOURS * 3_600_000L;
    private static final int MAX_KEY_LENGTH = 255;
    /** Sorted keys: the same body with its fields in another order is the same request. */
    private static final ObjectMapper CANONICAL = JsonSerialization.mapper.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private Idempotency() {
    }

    /** A stored first answer. */
    record Answer(int status, String body) {
        Response response() {
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
        }
    }

    /**
     * Runs {@code work} once per key: its answer (status and JSON body) is kept with the key; a refusal
     * ({@link ApiError}) keeps nothing, so a corrected request may use the key again.
     */
    static Response once(KeycloakSession session, RealmModel realm, ClientModel client, String operation, String key, JsonNode body,
                         Supplier<Answer> work) {
        if (key == null) {
            return work.get().response();
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH || key.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw ApiError.badRequest(INVALID_KEY, "The Idempotency-Key header is 1 to " + MAX_KEY_LENGTH + " printable ASCII characters.");
        }
        String hash = digest(body);
        EnrollmentStore store = new EnrollmentStore(session);
        Optional<IdempotencyEntity> earlier = store.idempotency(realm.getId(), client.getId(), operation, key);
        if (earlier.isPresent() && earlier.get().getCreatedAt() < Time.currentTimeMillis() - WINDOW_MILLIS) {
            store.release(earlier.get()); // past its window: the key is free again
            earlier = Optional.empty();
        }
        if (earlier.isPresent()) {
            return replay(earlier.get(), hash);
        }
        IdempotencyEntity claim = new IdempotencyEntity();
        claim.setId(KeycloakModelUtils.generateId());
        claim.setRealmId(realm.getId());
        claim.setClientId(client.getId());
        claim.setOperation(operation);
        claim.setIdempotencyKey(key);
        claim.setRequestHash(hash);
        claim.setCreatedAt(Time.currentTimeMillis());
        try {
            store.claim(claim);
        } catch (PersistenceException | ModelDuplicateException sameKeyAtTheSameTime) {
            session.getTransactionManager().setRollbackOnly();
            Optional<IdempotencyEntity> winner = KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(),
                    s -> new EnrollmentStore(s).idempotency(realm.getId(), client.getId(), operation, key).map(Idempotency::detached));
            if (winner.isEmpty()) {
                throw new ApiError(409, IN_PROGRESS, "A request with this Idempotency-Key is being processed; send it again shortly.");
            }
            return replay(winner.get(), hash);
        }
        Answer answer;
        try {
            answer = work.get();
        } catch (ApiError refused) {
            store.release(claim);
            throw refused;
        }
        claim.setStatus(answer.status());
        claim.setResponse(answer.body());
        return answer.response();
    }

    private static Response replay(IdempotencyEntity earlier, String hash) {
        if (!earlier.getRequestHash().equals(hash)) {
            throw new ApiError(422, KEY_REUSED, "This Idempotency-Key was used with another request body.");
        }
        if (earlier.getStatus() == 0) {
            throw new ApiError(409, IN_PROGRESS, "A request with this Idempotency-Key is being processed; send it again shortly.");
        }
        return new Answer(earlier.getStatus(), earlier.getResponse()).response();
    }

    private static IdempotencyEntity detached(IdempotencyEntity entity) {
        IdempotencyEntity copy = new IdempotencyEntity();
        copy.setRequestHash(entity.getRequestHash());
        copy.setStatus(entity.getStatus());
        copy.setResponse(entity.getResponse());
        return copy;
    }

    /** SHA-256 of the body with its object keys sorted. */
    static String digest(JsonNode body) {
        try {
            byte[] canonical = CANONICAL.writeValueAsBytes(CANONICAL.treeToValue(body, Object.class));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("A parsed JSON body is always serializable and SHA-256 always present", e);
        }
    }

    static String text(Object body) {
        try {
            return JsonSerialization.mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Answers are maps of strings", e);
        }
    }
}
