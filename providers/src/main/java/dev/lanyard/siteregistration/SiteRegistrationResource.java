package dev.lanyard.siteregistration;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lanyard.Printable;
import dev.lanyard.account.Activation;
import dev.lanyard.account.People;
import dev.lanyard.rest.ApiError;
import dev.lanyard.rest.BearerAuth;
import dev.lanyard.rest.Caller;
import dev.lanyard.rest.Endpoints;
import dev.lanyard.rest.ErrorCodes;
import dev.lanyard.rest.JsonBody;
import dev.lanyard.rest.LocalPeople;
import dev.lanyard.rest.SeedEnvelope;
import dev.lanyard.rest.SeedResource;
import dev.lanyard.rest.Unmatched;
import dev.lanyard.site.Sites;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.UserModel;

/**
 * Seed 000 "Site Registration Workflow" at {@code /user/register/{siteId}}: a site registers an active person with
 * its own attributes ({@code POST}), reads ({@code GET ?userId=}) and removes ({@code DELETE ?userId=}) the
 * registration. The caller is the site's client, or a partner allowed for it. "Attributes isolated per site ID": a
 * caller that may not act for the site gets 404, the answer for a site that does not exist, so no site learns where
 * else a person is registered; each site's token carries its own attributes only ({@link SiteAttributesMapper}).
 */
public final class SiteRegistrationResource extends SeedResource {

    public static final String REGISTRATION_NOT_FOUND = "REGISTRATION_NOT_FOUND";
    public static final String USER_NOT_FOUND = "USER_NOT_FOUND";
    public static final String USER_NOT_ACTIVE = "USER_NOT_ACTIVE";
    public static final String INVALID_ATTRIBUTES = "INVALID_ATTRIBUTES";
    private static final int MAX_ATTRIBUTES = 50;

    private final String siteId;

    public SiteRegistrationResource(KeycloakSession session, String siteId) {
        super(session, SeedEnvelope.PLATFORM);
        this.siteId = siteId;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response register(@Context HttpHeaders headers, String rawBody) {
        return run("registerToSite", rawBody, () -> {
            ClientModel site = site();
            JsonBody body = JsonBody.parse(headers, rawBody, Set.of("userId", "email", "attributes"));
            String userId = body.optionalString("userId", 36);
            String email = body.optionalString("email", 254);
            if ((userId == null) == (email == null)) {
                throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "Name the person with exactly one of 'userId' or 'email'.");
            }
            Map<String, String> attributes = attributes(body);
            UserModel user = userId != null ? LocalPeople.find(session, realm, userId, null).orElse(null)
                    : People.byEmail(session, realm, email);
            if (user == null || user.getServiceAccountClientLink() != null) {
                throw ApiError.notFound(USER_NOT_FOUND, "No such person in this tenant.");
            }
            if (!user.isEnabled() || Activation.isPending(user)) {
                throw new ApiError(409, USER_NOT_ACTIVE, "Only an active account can be registered to a site; activate it first.");
            }
            SiteAttributes.Problems problems = SiteAttributes.parse(site.getAttribute(SiteAttributes.CLIENT_ATTRIBUTE)).check(attributes);
            if (!problems.none()) {
                throw ApiError.badRequest(INVALID_ATTRIBUTES, "The attributes do not fit the site's declaration ("
                                + SiteAttributes.CLIENT_ATTRIBUTE + ").")
                        .withDetail("unknown", problems.unknown()).withDetail("missing", problems.missing())
                        .withDetail("tooLong", problems.tooLong());
            }
            boolean created;
            try {
                created = new SiteRegistrationStore(session).save(realm.getId(), site.getId(), user.getId(), attributes);
            } catch (PersistenceException | ModelDuplicateException registeredAtTheSameMoment) {
                session.getTransactionManager().setRollbackOnly();
                throw new ApiError(409, "REGISTRATION_CONFLICT", "The person was registered to this site by another request at the same"
                        + " moment; read it and try again.");
            }
            return Endpoints.json(created ? 201 : 200, view(site, user, attributes, created ? "REGISTERED" : "UPDATED"));
        });
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response read(@QueryParam("userId") String userId) {
        return run("getSiteRegistration", null, () -> {
            ClientModel site = site();
            UserModel user = person(userId);
            SiteRegistrationEntity registration = new SiteRegistrationStore(session).find(realm.getId(), site.getId(), user.getId())
                    .orElseThrow(SiteRegistrationResource::notRegistered);
            Map<String, Object> answer = view(site, user, SiteRegistrationStore.read(registration), null);
            answer.put("registeredAt", registration.getCreatedAt());
            answer.put("updatedAt", registration.getUpdatedAt());
            return Endpoints.json(200, answer);
        });
    }

    @DELETE
    @Produces(MediaType.APPLICATION_JSON)
    public Response remove(@QueryParam("userId") String userId) {
        return run("deleteSiteRegistration", null, () -> {
            ClientModel site = site();
            UserModel user = person(userId);
            SiteRegistrationStore store = new SiteRegistrationStore(session);
            store.remove(store.find(realm.getId(), site.getId(), user.getId()).orElseThrow(SiteRegistrationResource::notRegistered));
            return Response.noContent().build();
        });
    }

    /** GET, POST and DELETE are served at this resource's own path. */
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

    @Override
    @DELETE
    @Unmatched
    @Path(NOT_OWN_PATH)
    public Response unmatchedDelete(@PathParam("unmatched") String path) {
        return unmatched(path, HttpMethod.DELETE);
    }

    /** The site, once the caller is shown to act for it; any other caller learns nothing of it (404). */
    private ClientModel site() {
        Caller caller = BearerAuth.authenticate(session).requireServiceAccount();
        try {
            return Sites.authorize(realm, caller, siteId);
        } catch (ApiError refused) {
            if (refused.status() == 403 && Sites.SITE_NOT_ALLOWED.equals(refused.code())) {
                throw ApiError.notFound(Sites.SITE_NOT_FOUND, "No site with this siteId exists in this tenant.");
            }
            throw refused;
        }
    }

    private UserModel person(String userId) {
        if (userId == null || userId.isBlank()) {
            throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "The query parameter 'userId' is required.");
        }
        // Unknown, or not registered here: one answer, so a site cannot tell whether the person exists at all.
        return LocalPeople.find(session, realm, userId, null).orElseThrow(SiteRegistrationResource::notRegistered);
    }

    private static Map<String, String> attributes(JsonBody body) {
        JsonNode node = body.optionalObject("attributes");
        Map<String, String> attributes = new LinkedHashMap<>();
        if (node == null) {
            return attributes;
        }
        if (node.size() > MAX_ATTRIBUTES) {
            throw ApiError.badRequest(INVALID_ATTRIBUTES, "At most " + MAX_ATTRIBUTES + " attributes.");
        }
        List<String> notText = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().isTextual() || field.getValue().textValue().chars().anyMatch(Character::isISOControl)) {
                notText.add(Printable.cut(field.getKey(), 64));
            } else {
                attributes.put(field.getKey(), field.getValue().textValue());
            }
        }
        if (!notText.isEmpty()) {
            throw ApiError.badRequest(INVALID_ATTRIBUTES, "Attribute values must be text without control characters.")
                    .withDetail("notText", notText);
        }
        return attributes;
    }

    private Map<String, Object> view(ClientModel site, UserModel user, Map<String, String> attributes, String code) {
        Map<String, Object> answer = new LinkedHashMap<>();
        if (code != null) {
            answer.put("code", code);
        }
        answer.put("siteId", site.getClientId());
        answer.put("userId", user.getId());
        answer.put("attributes", attributes);
        return answer;
    }

    private static ApiError notRegistered() {
        return ApiError.notFound(REGISTRATION_NOT_FOUND, "The person is not registered to this site.");
    }
}
