package dev.lanyard.alias;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.lanyard.rest.ApiError;
import dev.lanyard.rest.BearerAuth;
import dev.lanyard.rest.Caller;
import dev.lanyard.rest.Endpoints;
import dev.lanyard.rest.JsonBody;
import dev.lanyard.rest.SeedEnvelope;
import dev.lanyard.rest.SeedResource;
import dev.lanyard.rest.Unmatched;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.storage.UserStoragePrivateUtil;

/**
 * Seed 000 "Alias Management Workflow" at {@code /user/alias}: a person adds ({@code POST}), lists ({@code GET}) and
 * removes ({@code POST delete}) their own login aliases, with their own access token ("require proper user
 * authentication for all operations"). An alias is unique in the realm whatever its case, and never another person's
 * username or email.
 */
public final class AliasResource extends SeedResource {

    public static final String INVALID_ALIAS = "INVALID_ALIAS";
    public static final String RESERVED_ALIAS = "RESERVED_ALIAS";
    public static final String ALIAS_TAKEN = "ALIAS_TAKEN";
    public static final String ALIAS_LIMIT_REACHED = "ALIAS_LIMIT_REACHED";
    public static final String ALIAS_NOT_FOUND = "ALIAS_NOT_FOUND";

    public AliasResource(KeycloakSession session) {
        super(session, SeedEnvelope.PLATFORM);
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(@Context HttpHeaders headers, String rawBody) {
        return run("createAlias", rawBody, () -> {
            UserModel person = BearerAuth.authenticate(session).requirePerson().user();
            String alias = JsonBody.parse(headers, rawBody, Set.of("alias")).requiredString("alias", 255);
            String key = checked(alias, person);
            AliasStore store = new AliasStore(session);
            List<AliasEntity> held = store.ofUser(realm.getId(), person.getId());
            if (held.stream().anyMatch(a -> a.getAliasKey().equals(key))) {
                return Endpoints.json(200, answer("ALIAS_EXISTS", store, person));
            }
            int max = session.getProvider(AliasProvider.class).maxPerPerson();
            if (held.size() >= max) {
                throw new ApiError(409, ALIAS_LIMIT_REACHED, "A person may hold at most " + max + " aliases; delete one first.");
            }
            if (namesSomebodyElse(key, person)) {
                throw taken();
            }
            AliasEntity entity = new AliasEntity();
            entity.setId(KeycloakModelUtils.generateId());
            entity.setRealmId(realm.getId());
            entity.setUserId(person.getId());
            entity.setAlias(alias.trim());
            entity.setAliasKey(key);
            entity.setCreatedAt(Time.currentTimeMillis());
            try {
                store.add(entity);
            } catch (PersistenceException | ModelDuplicateException heldByAnotherMeanwhile) {
                // Two people asked for it at once: the unique index let the other one have it.
                session.getTransactionManager().setRollbackOnly();
                throw taken();
            }
            return Endpoints.json(201, answer("ALIAS_CREATED", store, person));
        });
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list() {
        return run("listAliases", null, () -> {
            UserModel person = BearerAuth.authenticate(session).requirePerson().user();
            return Endpoints.json(200, answer("ALIASES", new AliasStore(session), person));
        });
    }

    @POST
    @Path("delete")
    @Produces(MediaType.APPLICATION_JSON)
    public Response delete(@Context HttpHeaders headers, String rawBody) {
        return run("deleteAlias", rawBody, () -> {
            Caller caller = BearerAuth.authenticate(session).requirePerson();
            String alias = JsonBody.parse(headers, rawBody, Set.of("alias")).requiredString("alias", 255);
            AliasStore store = new AliasStore(session);
            AliasEntity held = store.byKey(realm.getId(), Aliases.normalize(alias))
                    .filter(a -> a.getUserId().equals(caller.user().getId()))
                    .orElseThrow(() -> ApiError.notFound(ALIAS_NOT_FOUND, "You hold no such alias."));
            store.remove(held);
            return Endpoints.json(200, answer("ALIAS_DELETED", store, caller.user()));
        });
    }

    /** GET and POST are served at this resource's own path. */
    @Override
    @GET
    @Unmatched
    @Path(NOT_OWN_PATH)
    public Response unmatchedGet(@PathParam("unmatched") String path) {
        return unmatched(path, HttpMethod.GET);
    }

    @Override
    @POST
    @Unmatched
    @Path(NOT_OWN_PATH)
    public Response unmatchedPost(@PathParam("unmatched") String path) {
        return unmatched(path, HttpMethod.POST);
    }

    private static String checked(String alias, UserModel person) {
        return switch (Aliases.check(alias, person.getEmail())) {
            case OK -> Aliases.normalize(alias);
            case RESERVED -> throw ApiError.badRequest(RESERVED_ALIAS, "This alias is reserved.");
            case NOT_OWN_EMAIL -> throw ApiError.badRequest(INVALID_ALIAS, "An alias with '@' must be your own email address.");
            case MALFORMED -> throw ApiError.badRequest(INVALID_ALIAS, "An alias is " + Aliases.MIN_LENGTH + " to " + Aliases.MAX_LENGTH
                    + " letters, digits, '.', '_' or '-', starting with a letter or digit.");
        };
    }

    /** Whether the alias is another person's username or email in Keycloak's own store (a federation is not asked). */
    private boolean namesSomebodyElse(String key, UserModel person) {
        UserProvider local = UserStoragePrivateUtil.userLocalStorage(session);
        UserModel byUsername = local.getUserByUsername(realm, key);
        if (byUsername != null && !byUsername.getId().equals(person.getId())) {
            return true;
        }
        try {
            UserModel byEmail = key.indexOf('@') >= 0 ? local.getUserByEmail(realm, key) : null;
            return byEmail != null && !byEmail.getId().equals(person.getId());
        } catch (ModelDuplicateException shared) {
            return true;
        }
    }

    private Map<String, Object> answer(String code, AliasStore store, UserModel person) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("code", code);
        answer.put("aliases", store.ofUser(realm.getId(), person.getId()).stream().map(AliasEntity::getAlias).toList());
        return answer;
    }

    private static ApiError taken() {
        return new ApiError(409, ALIAS_TAKEN, "This alias is not available.");
    }
}
