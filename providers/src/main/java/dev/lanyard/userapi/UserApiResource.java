package dev.lanyard.userapi;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.lanyard.emailotp.PasswordlessLoginResource;
import dev.lanyard.rest.Endpoints;
import dev.lanyard.rest.RouteTable;
import dev.lanyard.rest.SeedEnvelope;
import dev.lanyard.rest.Unmatched;
import dev.lanyard.revalidation.RevalidationResource;
import dev.lanyard.screening.ScreeningResource;
import dev.lanyard.totp.TotpResource;
import org.keycloak.models.KeycloakSession;

/**
 * {@code /realms/{realm}/user/...}: the seed 000 user API. This class only maps paths; each
 * capability's resource holds the logic. Bodies are taken as text and parsed by
 * {@link dev.lanyard.rest.JsonBody}, so malformed input is answered in the seed's envelope.
 */
public final class UserApiResource {

    private static final RouteTable ROUTES = RouteTable.of(UserApiResource.class);

    private final KeycloakSession session;

    UserApiResource(KeycloakSession session) {
        this.session = session;
    }

    @POST
    @Path("pwless-login-send-otp")
    @Produces(MediaType.APPLICATION_JSON)
    public Response sendPasswordlessOtp(@Context HttpHeaders headers, String body) {
        return Endpoints.run(session, SeedEnvelope.PLATFORM, "sendPasswordlessOtp", body,
                () -> new PasswordlessLoginResource(session).sendOtp(headers, body));
    }

    @POST
    @Path("site/{siteId}/login/pwless-otp")
    @Produces(MediaType.APPLICATION_JSON)
    public Response loginWithPasswordlessOtp(@Context HttpHeaders headers, @PathParam("siteId") String siteId, String body) {
        return Endpoints.run(session, SeedEnvelope.PLATFORM, "loginWithPasswordlessOtp", body,
                () -> new PasswordlessLoginResource(session).loginWithOtp(headers, siteId, body));
    }

    @GET
    @Path("mfa/totp")
    @Produces(MediaType.APPLICATION_JSON)
    public Response totpStatus() {
        return Endpoints.run(session, SeedEnvelope.PLATFORM, "getTotpStatus", null, () -> new TotpResource(session).status());
    }

    @POST
    @Path("mfa/totp/setup")
    @Produces(MediaType.APPLICATION_JSON)
    public Response totpSetup(@Context HttpHeaders headers, String body) {
        return Endpoints.run(session, SeedEnvelope.PLATFORM, "setupTotp", body, () -> new TotpResource(session).setup(headers, body));
    }

    @POST
    @Path("mfa/totp/enroll")
    @Produces(MediaType.APPLICATION_JSON)
    public Response totpEnroll(@Context HttpHeaders headers, String body) {
        return Endpoints.run(session, SeedEnvelope.PLATFORM, "enrollTotp", body, () -> new TotpResource(session).enroll(headers, body));
    }

    @DELETE
    @Path("mfa/totp/{credentialId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response totpRemove(@Context HttpHeaders headers, @PathParam("credentialId") String credentialId, String body) {
        return Endpoints.run(session, SeedEnvelope.PLATFORM, "removeTotpDevice", body,
                () -> new TotpResource(session).remove(headers, credentialId, body));
    }

    @POST
    @Path("re-validate")
    @Produces(MediaType.APPLICATION_JSON)
    public Response revalidateUser(@Context HttpHeaders headers, String body) {
        return Endpoints.run(session, SeedEnvelope.PLATFORM, "revalidateUser", body,
                () -> new RevalidationResource(session).revalidate(headers, body));
    }

    @POST
    @Path("internal/batch/re-validate")
    @Produces(MediaType.APPLICATION_JSON)
    public Response revalidateUsers(@Context HttpHeaders headers, String body) {
        return Endpoints.run(session, SeedEnvelope.PLATFORM, "revalidateUsers", body,
                () -> new RevalidationResource(session).submitBatch(headers, body));
    }

    @GET
    @Path("internal/batch/re-validate/{revalidationBatchId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response revalidationStatus(@PathParam("revalidationBatchId") String batchId,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        return Endpoints.run(session, SeedEnvelope.PLATFORM, "getRevalidationStatus", null,
                () -> new RevalidationResource(session).batchStatus(batchId, page, size));
    }

    @GET
    @Path("internal/screening/list")
    @Produces(MediaType.APPLICATION_JSON)
    public Response sanctionsList() {
        return Endpoints.run(session, SeedEnvelope.PLATFORM, "getSanctionsList", null,
                () -> new ScreeningResource(session).listStatus());
    }

    @POST
    @Path("internal/screening/list/refresh")
    @Produces(MediaType.APPLICATION_JSON)
    public Response refreshSanctionsList(@Context HttpHeaders headers, String body) {
        return Endpoints.run(session, SeedEnvelope.PLATFORM, "refreshSanctionsList", body,
                () -> new ScreeningResource(session).refreshList(headers, body));
    }

    @GET
    @Path("internal/screening/{userId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response userScreenings(@PathParam("userId") String userId) {
        return Endpoints.run(session, SeedEnvelope.PLATFORM, "getUserScreenings", null,
                () -> new ScreeningResource(session).history(userId));
    }

    @POST
    @Path("internal/screening/{userId}/resolve")
    @Produces(MediaType.APPLICATION_JSON)
    public Response resolveScreening(@Context HttpHeaders headers, @PathParam("userId") String userId, String body) {
        return Endpoints.run(session, SeedEnvelope.PLATFORM, "resolveScreening", body,
                () -> new ScreeningResource(session).resolve(headers, userId, body));
    }

    // Requests no operation above matches: 404 or 405 in the seed's envelope, not Keycloak's generic error.

    @GET
    @Unmatched
    @Path("{unmatched: .*}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response unmatchedGet(@PathParam("unmatched") String path) {
        return ROUTES.unmatched(session, SeedEnvelope.PLATFORM, path, HttpMethod.GET);
    }

    @POST
    @Unmatched
    @Path("{unmatched: .*}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response unmatchedPost(@PathParam("unmatched") String path) {
        return ROUTES.unmatched(session, SeedEnvelope.PLATFORM, path, HttpMethod.POST);
    }

    @PUT
    @Unmatched
    @Path("{unmatched: .*}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response unmatchedPut(@PathParam("unmatched") String path) {
        return ROUTES.unmatched(session, SeedEnvelope.PLATFORM, path, HttpMethod.PUT);
    }

    @DELETE
    @Unmatched
    @Path("{unmatched: .*}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response unmatchedDelete(@PathParam("unmatched") String path) {
        return ROUTES.unmatched(session, SeedEnvelope.PLATFORM, path, HttpMethod.DELETE);
    }

    @PATCH
    @Unmatched
    @Path("{unmatched: .*}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response unmatchedPatch(@PathParam("unmatched") String path) {
        return ROUTES.unmatched(session, SeedEnvelope.PLATFORM, path, HttpMethod.PATCH);
    }
}
