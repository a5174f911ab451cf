package dev.lanyard.enrollment;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
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
import dev.lanyard.rest.ErrorCodes;
import dev.lanyard.rest.JsonBody;
import dev.lanyard.rest.LocalPeople;
import dev.lanyard.rest.SeedEnvelope;
import dev.lanyard.rest.PostResource;
import dev.lanyard.site.Sites;
import org.keycloak.common.util.Time;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * Seed 000 "Guest Enrollment Workflow" at {@code /user/v2/enrollments}: a partner enrolls a person for a site it may
 * act for ({@code POST}, header {@code CLIENT_ID} naming the token's own client, optional {@code Idempotency-Key}),
 * and reads the consents it recorded ({@code GET {userId}/consents}: only of people registered to a site the caller
 * may act for; anyone else's is 404, the answer for nobody).
 */
public final class EnrollmentResource extends PostResource {

    public static final String CLIENT_ID_HEADER = "CLIENT_ID";
    public static final String CLIENT_MISMATCH = "CLIENT_MISMATCH";
    public static final String USER_NOT_FOUND = "USER_NOT_FOUND";
    static final String OPERATION = "guestEnrollment";

    public EnrollmentResource(KeycloakSession session) {
        super(session, SeedEnvelope.PLATFORM);
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response enroll(@Context HttpHeaders headers, String rawBody) {
        return run(OPERATION, rawBody, () -> {
            Caller caller = partner(headers);
            JsonBody body = JsonBody.parse(headers, rawBody, EnrollmentRequest.FIELDS);
            EnrollmentRequest request = EnrollmentRequest.read(body, LocalDate.now(ZoneOffset.UTC), Time.currentTimeMillis());
            ClientModel site = Sites.authorize(realm, caller, request.siteId());
            return Idempotency.once(session, realm, caller.client(), OPERATION, headers.getHeaderString(Idempotency.HEADER), body.tree(),
                    () -> new Enrollments(session, realm).enroll(caller.client(), site, request));
        });
    }

    @GET
    @Path("{userId}/consents")
    @Produces(MediaType.APPLICATION_JSON)
    public Response consents(@Context HttpHeaders headers, @PathParam("userId") String userId) {
        return run("listEnrollmentConsents", null, () -> {
            Caller caller = partner(headers);
            UserModel person = LocalPeople.find(session, realm, userId, null)
                    .filter(found -> Enrollments.visibleTo(session, realm, caller, found))
                    .orElseThrow(() -> ApiError.notFound(USER_NOT_FOUND, "No such person in this tenant."));
            List<Map<String, Object>> consents = new ArrayList<>();
            for (ConsentEntity consent : new EnrollmentStore(session).consents(realm.getId(), person.getId())) {
                Map<String, Object> view = new LinkedHashMap<>();
                view.put("termsIdentifier", consent.getTermsIdentifier());
                view.put("termsVersion", consent.getTermsVersion());
                view.put("accepted", consent.isAccepted());
                view.put("acceptedAt", consent.getAcceptedAt());
                view.put("recordedAt", consent.getRecordedAt());
                view.put("clientId", consent.getClientId());
                view.put("siteId", consent.getSiteId());
                view.put("ipAddress", consent.getIpAddress());
                consents.add(view);
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("userId", person.getId());
            answer.put("consents", consents);
            return Endpoints.json(200, answer);
        });
    }

    /** A partner's client-credentials token whose client the {@code CLIENT_ID} header names. */
    private Caller partner(HttpHeaders headers) {
        Caller caller = BearerAuth.authenticate(session).requireServiceAccount();
        String named = headers.getHeaderString(CLIENT_ID_HEADER);
        if (named == null || named.isBlank()) {
            throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "The header CLIENT_ID (the calling client's clientId) is required.");
        }
        if (!named.equals(caller.client().getClientId())) {
            throw ApiError.unauthorized(CLIENT_MISMATCH, "The header CLIENT_ID does not name the client the token was issued to.");
        }
        return caller;
    }
}
