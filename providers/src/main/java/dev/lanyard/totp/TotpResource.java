package dev.lanyard.totp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.DELETE;
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

import dev.lanyard.rest.BearerAuth;
import dev.lanyard.rest.Caller;
import dev.lanyard.rest.Endpoints;
import dev.lanyard.rest.JsonBody;
import dev.lanyard.rest.SeedEnvelope;
import dev.lanyard.rest.SeedResource;
import dev.lanyard.rest.Unmatched;
import dev.lanyard.site.SiteFlows;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * Seed 000 "MFA Setup Workflow" at {@code /user/mfa/totp}: status, {@code /setup}, {@code /enroll} and
 * device removal. The caller is the signed-in user (their access token); it acts on that user only. The
 * settings are those of the Lanyard TOTP step in the browser flow of the client the token was issued to.
 */
public final class TotpResource extends SeedResource {

    static final String ENROLLED = "ENROLLED";
    static final String NOT_ENROLLED = "NOT_ENROLLED";

    private static final int MAX_DEVICE_NAME_LENGTH = 64;
    private static final int MAX_CODE_LENGTH = 16;

    private final TotpEnrollmentService devices;

    public TotpResource(KeycloakSession session) {
        super(session, SeedEnvelope.PLATFORM);
        this.devices = new TotpEnrollmentService(session, realm);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response status() {
        return run("getTotpStatus", null, () -> {
            Caller caller = BearerAuth.authenticate(session).requirePerson();
            List<Map<String, Object>> enrolled = devices.devicesOf(caller.user()).stream().map(TotpDevice::toJson).toList();
            Map<String, Object> status = new LinkedHashMap<>();
            status.put("status", enrolled.isEmpty() ? NOT_ENROLLED : ENROLLED);
            status.put("devices", enrolled);
            return Endpoints.json(200, status);
        });
    }

    @POST
    @Path("setup")
    @Produces(MediaType.APPLICATION_JSON)
    public Response setup(@Context HttpHeaders headers, String rawBody) {
        return run("setupTotp", rawBody, () -> {
            Caller caller = BearerAuth.authenticate(session).requirePerson();
            if (rawBody != null && !rawBody.isBlank()) {
                JsonBody.parse(headers, rawBody, Set.of());
            }
            return Endpoints.json(201, devices.setup(caller.user(), settings(caller)));
        });
    }

    @POST
    @Path("enroll")
    @Produces(MediaType.APPLICATION_JSON)
    public Response enroll(@Context HttpHeaders headers, String rawBody) {
        return run("enrollTotp", rawBody, () -> {
            Caller caller = BearerAuth.authenticate(session).requirePerson();
            JsonBody body = JsonBody.parse(headers, rawBody, Set.of("totp", "deviceName"));
            String code = body.requiredString("totp", MAX_CODE_LENGTH);
            String deviceName = body.optionalString("deviceName", MAX_DEVICE_NAME_LENGTH);

            TotpDevice device = devices.enroll(caller.user(), code, deviceName, settings(caller));
            event(caller, EventType.UPDATE_CREDENTIAL).detail(Details.CREDENTIAL_ID, device.id())
                    .detail(Details.CREDENTIAL_USER_LABEL, device.deviceName()).success();
            Map<String, Object> enrolled = new LinkedHashMap<>();
            enrolled.put("status", ENROLLED);
            enrolled.put("device", device.toJson());
            return Endpoints.json(201, enrolled);
        });
    }

    @DELETE
    @Path("{credentialId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response remove(@Context HttpHeaders headers, @PathParam("credentialId") String credentialId, String rawBody) {
        return run("removeTotpDevice", rawBody, () -> {
            Caller caller = BearerAuth.authenticate(session).requirePerson();
            String code = null;
            if (rawBody != null && !rawBody.isBlank()) {
                code = JsonBody.parse(headers, rawBody, Set.of("totp")).optionalString("totp", MAX_CODE_LENGTH);
            }
            devices.remove(caller.user(), credentialId, authTime(caller), code);
            event(caller, EventType.REMOVE_CREDENTIAL).detail(Details.CREDENTIAL_ID, credentialId).success();
            return Response.noContent().build();
        });
    }

    /** GET is served at this resource's own path. */
    @Override
    @GET
    @Unmatched
    @Path(NOT_OWN_PATH)
    public Response unmatchedGet(@PathParam("unmatched") String path) {
        return unmatched(path, HttpMethod.GET);
    }

    /** DELETE is served at {@code {credentialId}}: the catch-all leaves single segments to it. */
    @Override
    @DELETE
    @Unmatched
    @Path(NOT_ONE_SEGMENT)
    public Response unmatchedDelete(@PathParam("unmatched") String path) {
        return unmatched(path, HttpMethod.DELETE);
    }

    private TotpSettings settings(Caller caller) {
        return SiteFlows.stepConfig(realm, caller.client(), TotpStepAuthenticatorFactory.PROVIDER_ID)
                .map(TotpSettings::from).orElseGet(TotpSettings::defaults);
    }

    /** When the user last proved who they are: the user session's sign-in time, else the token's. */
    private static Integer authTime(Caller caller) {
        if (caller.userSession() != null) {
            String note = caller.userSession().getNote(AuthenticationManager.AUTH_TIME);
            if (note != null) {
                try {
                    return Integer.parseInt(note);
                } catch (NumberFormatException ignored) {
                    // fall through to the token
                }
            }
        }
        Long tokenAuthTime = caller.token().getAuth_time();
        return tokenAuthTime == null ? null : tokenAuthTime.intValue();
    }

    private EventBuilder event(Caller caller, EventType type) {
        UserModel user = caller.user();
        return new EventBuilder(realm, session, session.getContext().getConnection())
                .event(type)
                .client(caller.client())
                .user(user)
                .detail(Details.CREDENTIAL_TYPE, OTPCredentialModel.TYPE);
    }
}
