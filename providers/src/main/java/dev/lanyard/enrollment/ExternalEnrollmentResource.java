package dev.lanyard.enrollment;

import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lanyard.rest.ApiError;
import dev.lanyard.rest.BearerAuth;
import dev.lanyard.rest.Caller;
import dev.lanyard.rest.ErrorCodes;
import dev.lanyard.rest.JsonBody;
import dev.lanyard.rest.PostResource;
import dev.lanyard.rest.SeedEnvelope;
import dev.lanyard.site.Sites;
import org.keycloak.common.util.Time;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;

/**
 * Seed 000 "External Guest Enrollment" at {@code /user/external/guest/enrollments}: the guest enrollment of
 * {@link EnrollmentResource}, sealed ({@link SealedMessages}). The partner calls with its client-credentials token and
 * posts a compact JWE ({@code application/jose}); a sealed answer is a JWE to the partner in {@code application/jose}
 * with the status of the clear enrollment; refusals are the seed's JSON envelope (they carry nothing personal).
 */
public final class ExternalEnrollmentResource extends PostResource {

    static final String OPERATION = "externalGuestEnrollment";
    public static final String JOSE = "application/jose";

    public ExternalEnrollmentResource(KeycloakSession session) {
        super(session, SeedEnvelope.PLATFORM);
    }

    @POST
    public Response enroll(@Context HttpHeaders headers, String rawBody) {
        return run(OPERATION, rawBody, () -> {
            Caller caller = BearerAuth.authenticate(session).requireServiceAccount();
            MediaType type = headers.getMediaType();
            if (type == null || !JOSE.equals(type.getType() + "/" + type.getSubtype())) {
                throw new ApiError(415, ErrorCodes.UNSUPPORTED_MEDIA_TYPE, "Send the enrollment as a compact JWE with Content-Type "
                        + JOSE + "; plain JSON is refused here (see /user/v2/enrollments).");
            }
            if (rawBody != null && rawBody.length() > JsonBody.MAX_CHARS) {
                throw new ApiError(413, ErrorCodes.PAYLOAD_TOO_LARGE, "The body is over " + JsonBody.MAX_CHARS + " characters.");
            }
            ClientModel partner = caller.client();
            SealedMessages sealed = new SealedMessages(session, realm);
            SealedMessages.Opened opened = sealed.open(partner, rawBody);
            KeyWrapper partnerKey = sealed.requirePartnerKey(partner, opened.keyAlgorithm());
            ObjectNode enrollment = opened.claims().deepCopy();
            enrollment.remove(SealedMessages.MESSAGE_CLAIMS);
            EnrollmentRequest request = EnrollmentRequest.read(JsonBody.of(enrollment, EnrollmentRequest.FIELDS, "The enrollment"),
                    LocalDate.now(ZoneOffset.UTC), Time.currentTimeMillis());
            ClientModel site = Sites.authorize(realm, caller, request.siteId());
            Idempotency.Answer answer = new Enrollments(session, realm).enroll(partner, site, request);
            return Response.status(answer.status()).type(JOSE).entity(sealed.seal(partnerKey, opened, answer.body())).build();
        });
    }
}
