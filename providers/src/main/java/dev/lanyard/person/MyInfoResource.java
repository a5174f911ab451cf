package dev.lanyard.person;

import java.util.Locale;
import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.lanyard.account.BruteForce;
import dev.lanyard.account.PasswordRules;
import dev.lanyard.account.SignOuts;
import dev.lanyard.entitlement.Entitlements;
import dev.lanyard.rest.ApiError;
import dev.lanyard.rest.Caller;
import dev.lanyard.rest.Endpoints;
import dev.lanyard.rest.JsonBody;
import dev.lanyard.rest.SeedEnvelope;
import dev.lanyard.rest.SeedResource;
import dev.lanyard.rest.Unmatched;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;

/**
 * Seed 003 "MyInfo" at {@code /auth/api/myinfo}: the signed-in person's Person object ({@link PersonView}), and
 * "Change my password" ({@code POST|PUT .../changePassword}) with CHANGE_PIN_PASSWORD: the current password is checked
 * (a wrong one counts in the brute-force detector), the realm's password policy applies, and every other session of
 * the person ends while the calling one stays.
 */
public final class MyInfoResource extends SeedResource {

    public static final String WRONG_PASSWORD = "WRONG_PASSWORD";
    private static final Set<String> FIELDS = Set.of("currentPassword", "newPassword");

    public MyInfoResource(KeycloakSession session) {
        super(session, SeedEnvelope.AUTH_SERVICE);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response myInfo() {
        return run("getMyInfo", null, () -> {
            UserModel person = Entitlements.person(session, realm, null).user();
            return Endpoints.json(200, SeedEnvelope.authServiceSuccess(realm.getName(), new PersonView(session, realm).of(person)));
        });
    }

    @POST
    @Path("changePassword")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response changePasswordByPost(@Context HttpHeaders headers, String rawBody) {
        return changePassword(headers, rawBody);
    }

    @PUT
    @Path("changePassword")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response changePasswordByPut(@Context HttpHeaders headers, String rawBody) {
        return changePassword(headers, rawBody);
    }

    private Response changePassword(HttpHeaders headers, String rawBody) {
        return run("changeMyPassword", rawBody, () -> {
            Caller caller = Entitlements.person(session, realm, Entitlements.CHANGE_PIN_PASSWORD);
            UserModel person = caller.user();
            JsonBody body = JsonBody.parse(headers, rawBody, FIELDS);
            String current = body.requiredString("currentPassword", 256);
            String fresh = body.requiredString("newPassword", 256);
            if (BruteForce.isLocked(session, realm, person)
                    || !person.credentialManager().isValid(UserCredentialModel.password(current))) {
                BruteForce.failed(session, realm, person, BruteForce.PASSWORD);
                throw ApiError.badRequest(WRONG_PASSWORD, "The current password is wrong.");
            }
            PasswordRules.require(session, realm, person, fresh, locale(person));
            person.credentialManager().updateCredential(UserCredentialModel.password(fresh, false));
            person.removeRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
            SignOuts.allBut(session, realm, person, caller.userSession() == null ? "" : caller.userSession().getId());
            return Endpoints.json(200, SeedEnvelope.authServiceSuccess(realm.getName(), null));
        });
    }

    private static Locale locale(UserModel person) {
        String locale = person.getFirstAttribute(UserModel.LOCALE);
        return locale == null ? Locale.ENGLISH : Locale.forLanguageTag(locale);
    }

    @Override
    @GET
    @Unmatched
    @Path(NOT_OWN_PATH)
    public Response unmatchedGet(@PathParam("unmatched") String path) {
        return unmatched(path, HttpMethod.GET);
    }
}
