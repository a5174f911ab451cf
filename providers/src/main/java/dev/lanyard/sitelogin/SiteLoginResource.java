package dev.lanyard.sitelogin;

import java.util.function.Supplier;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.lanyard.emailotp.PasswordlessLogin;
import dev.lanyard.metrics.LanyardMetrics;
import dev.lanyard.rest.ApiError;
import dev.lanyard.rest.BearerAuth;
import dev.lanyard.rest.Caller;
import dev.lanyard.rest.SeedEnvelope;
import dev.lanyard.rest.SeedResource;
import dev.lanyard.site.Sites;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;

/**
 * {@code /user/site/{siteId}/...}: a site's logins, answered with OIDC tokens of the site's client. Every
 * operation starts with {@link #site()}: the caller (the site's client, or a partner allowed for it, with a
 * client-credentials token) is checked against the site in one place, as Keycloak's {@code OrganizationsResource}
 * looks an organization up once for all its sub-resources.
 */
public final class SiteLoginResource extends SeedResource {

    private final String siteId;

    public SiteLoginResource(KeycloakSession session, String siteId) {
        super(session, SeedEnvelope.PLATFORM);
        this.siteId = siteId;
    }

    @POST
    @Path("login")
    @Produces(MediaType.APPLICATION_JSON)
    public Response login(@Context HttpHeaders headers, String body) {
        return run("loginWithPassword", body, () -> counted("password", () -> new SitePasswordLogin(session).login(site(), headers, body)));
    }

    @POST
    @Path("login/pwless-otp")
    @Produces(MediaType.APPLICATION_JSON)
    public Response loginWithPasswordlessOtp(@Context HttpHeaders headers, String body) {
        return run("loginWithPasswordlessOtp", body, () -> counted("otp", () -> new PasswordlessLogin(session).login(site(), headers, body)));
    }

    /** A site login counted by outcome: a success once it commits, a refusal by its HTTP status class. */
    private Response counted(String method, Supplier<Response> login) {
        try {
            Response answer = login.get();
            LanyardMetrics.countAfterCommit(session, LanyardMetrics.SITE_LOGINS, "realm", realm.getName(), "method", method,
                    "outcome", answer.getStatus() == 200 ? "success" : "status-" + answer.getStatus());
            return answer;
        } catch (ApiError refused) {
            LanyardMetrics.count(LanyardMetrics.SITE_LOGINS, 1, "realm", realm.getName(), "method", method,
                    "outcome", refused.status() == 401 ? "invalid" : "status-" + refused.status());
            throw refused;
        }
    }

    /** The site of the path, once the caller is shown to act for it: 401, 403 or 404 otherwise. */
    private ClientModel site() {
        Caller caller = BearerAuth.authenticate(session).requireServiceAccount();
        return Sites.authorize(realm, caller, siteId);
    }
}
