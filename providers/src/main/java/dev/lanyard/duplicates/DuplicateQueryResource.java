package dev.lanyard.duplicates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lanyard.alias.AliasProvider;
import dev.lanyard.issuer.IssuerScope;
import dev.lanyard.person.CheckUserExistResource;
import dev.lanyard.rest.ApiError;
import dev.lanyard.rest.BearerAuth;
import dev.lanyard.rest.Caller;
import dev.lanyard.rest.Endpoints;
import dev.lanyard.rest.ErrorCodes;
import dev.lanyard.rest.JsonBody;
import dev.lanyard.rest.Paging;
import dev.lanyard.rest.PostResource;
import dev.lanyard.rest.SeedEnvelope;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * Seed 000 "Duplicate Account Cleanup", step 1: {@code POST /user/queries}. The criteria (all optional, all must hold)
 * narrow the caller's issuers' cardholders; the answer is the candidate duplicate groups among those left
 * ({@link DuplicateGroups}), paged by {@code page} and {@code size}. Only user ids and reasons are answered: the
 * values compared (addresses, phones, dates of birth) never leave the server.
 */
public final class DuplicateQueryResource extends PostResource {

    /** A query compares at most this many cardholders; the answer says when it stopped there. */
    static final int MAX_SCAN = 20_000;
    private static final Set<String> FIELDS = Set.of("email", "phone", "firstName", "lastName", "dateOfBirth", "alias", "attribute");

    public DuplicateQueryResource(KeycloakSession session) {
        super(session, SeedEnvelope.PLATFORM);
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response query(@Context HttpHeaders headers, String rawBody, @QueryParam("page") String page, @QueryParam("size") String size) {
        return run("queryDuplicates", rawBody, () -> {
            Caller caller = BearerAuth.authenticate(session).requireScope(CheckUserExistResource.SCOPE);
            Paging paging = Paging.of(page, size);
            Criteria criteria = criteria(rawBody == null || rawBody.isBlank() ? null : JsonBody.parse(headers, rawBody, FIELDS));
            IssuerScope scope = IssuerScope.of(session, realm, caller);

            List<DuplicateGroups.Candidate> candidates = new ArrayList<>();
            IssuerScope.Scan scan = scope.scan(MAX_SCAN, person -> {
                if (criteria.matches(person)) {
                    candidates.add(candidate(person));
                }
            });
            List<DuplicateGroups.Group> groups = DuplicateGroups.of(candidates);
            List<Map<String, Object>> views = new ArrayList<>();
            for (int i = paging.first(); i < groups.size() && i < paging.first() + paging.size(); i++) {
                views.add(Map.of("reason", groups.get(i).reason().name(), "userIds", groups.get(i).userIds()));
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("groups", views);
            answer.put("page", paging.page());
            answer.put("size", paging.size());
            answer.put("total", groups.size());
            answer.put("scanned", scan.scanned());
            answer.put("complete", scan.complete());
            return Endpoints.json(200, answer);
        });
    }

    private DuplicateGroups.Candidate candidate(UserModel person) {
        return new DuplicateGroups.Candidate(person.getId(), ContactKeys.email(person.getEmail()),
                ContactKeys.phone(person.getFirstAttribute(ContactKeys.PHONE), ContactKeys.countryCode(realm)),
                ContactKeys.nameAndBirth(person.getFirstName(), person.getLastName(), person.getFirstAttribute(ContactKeys.DATE_OF_BIRTH)));
    }

    private Criteria criteria(JsonBody body) {
        if (body == null) {
            return new Criteria(null, null, null, null, null, null, null, null, null);
        }
        String email = body.optionalString("email", 254);
        String phone = body.optionalString("phone", 64);
        String dateOfBirth = body.optionalString("dateOfBirth", 10);
        String alias = body.optionalString("alias", 255);
        String emailKey = email == null ? null : ContactKeys.email(email);
        String phoneKey = phone == null ? null : ContactKeys.phone(phone, ContactKeys.countryCode(realm));
        if (email != null && emailKey == null) {
            throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "The field 'email' is not an email address.");
        }
        if (phone != null && phoneKey == null) {
            throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "The field 'phone' is not a phone number.");
        }
        if (dateOfBirth != null && !dateOfBirth.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "The field 'dateOfBirth' is an ISO date (1980-02-29).");
        }
        String holder = null;
        if (alias != null) {
            AliasProvider aliases = session.getProvider(AliasProvider.class);
            UserModel found = aliases == null ? null : aliases.findUser(realm, alias);
            holder = found == null ? "" : found.getId(); // nobody holds it: nobody matches
        }
        String attributeName = null;
        String attributeValue = null;
        JsonNode attribute = body.optionalObject("attribute");
        if (attribute != null) {
            JsonBody pair = JsonBody.of(attribute, Set.of("name", "value"), "attribute");
            attributeName = pair.requiredString("name", 255);
            attributeValue = pair.requiredString("value", 2048);
        }
        return new Criteria(ContactKeys.countryCode(realm), emailKey, phoneKey, body.optionalString("firstName", 255), body.optionalString("lastName", 255), dateOfBirth,
                holder, attributeName, attributeValue);
    }

    /** What the people compared must have; a null criterion holds for everyone. */
    private record Criteria(String country, String emailKey, String phoneKey, String firstName, String lastName, String dateOfBirth, String aliasHolder,
                            String attributeName, String attributeValue) {

        boolean matches(UserModel person) {
            return (emailKey == null || emailKey.equals(ContactKeys.email(person.getEmail())))
                    && (phoneKey == null || phoneKey.equals(ContactKeys.phone(person.getFirstAttribute(ContactKeys.PHONE), country)))
                    && sameName(firstName, person.getFirstName()) && sameName(lastName, person.getLastName())
                    && (dateOfBirth == null || dateOfBirth.equals(person.getFirstAttribute(ContactKeys.DATE_OF_BIRTH)))
                    && (aliasHolder == null || aliasHolder.equals(person.getId()))
                    && (attributeName == null || person.getAttributeStream(attributeName).anyMatch(v -> v.equalsIgnoreCase(attributeValue)));
        }

        private static boolean sameName(String wanted, String actual) {
            return wanted == null || (actual != null && ContactKeys.name(wanted) != null && ContactKeys.name(wanted).equals(ContactKeys.name(actual)));
        }
    }
}
