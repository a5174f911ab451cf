package dev.lanyard.concierge;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.lanyard.audit.PersonAudits;
import dev.lanyard.emailotp.IssueOutcome;
import dev.lanyard.issuer.IssuerScope;
import dev.lanyard.passcode.PasscodeMail;
import dev.lanyard.person.CheckUserExistResource;
import dev.lanyard.rest.ApiError;
import dev.lanyard.rest.BearerAuth;
import dev.lanyard.rest.Caller;
import dev.lanyard.rest.Endpoints;
import dev.lanyard.rest.ErrorCodes;
import dev.lanyard.rest.JsonBody;
import dev.lanyard.rest.QueryParams;
import dev.lanyard.rest.SeedEnvelope;
import dev.lanyard.rest.SeedResource;
import dev.lanyard.site.Sites;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * Seed 000 "Concierge Customer Service Workflow" at {@code /realms/{realm}/concierge}: look a cardholder up, read their
 * history, send them a passcode reset. The caller is an agent (a person with the realm role {@code lanyard-concierge})
 * or a back-office client, with the scope {@value CheckUserExistResource#SCOPE}, and sees only its issuers' cardholders
 * ({@link IssuerScope}). Every read is audited with the caller as actor. Success bodies are plain JSON, errors seed 000's
 * {@code {code, message}}.
 */
public final class ConciergeResource extends SeedResource {

    public static final String RATE_LIMITED = "RATE_LIMITED";
    private static final Set<String> SEND_FIELDS = Set.of("userId", "siteId");
    private static final int DEFAULT_HISTORY_SIZE = 20;
    private static final int MAX_HISTORY_SIZE = 200;

    public ConciergeResource(KeycloakSession session) {
        super(session, SeedEnvelope.PLATFORM);
    }

    @GET
    @Path("cardholder-details")
    @Produces(MediaType.APPLICATION_JSON)
    public Response details(@QueryParam("email") String email, @QueryParam("userId") String userId, @QueryParam("phone") String phone,
                            @QueryParam("alias") String alias) {
        return run("conciergeCardholderDetails", null, () -> {
            Caller caller = authenticate();
            Cardholders.Cardholder cardholder = new Cardholders(session, realm, IssuerScope.of(session, realm, caller))
                    .find(email, userId, phone, alias);
            audit(caller, cardholder.person(), "CONCIERGE_CARDHOLDER_DETAILS", null);
            return Endpoints.json(200, new CardholderDetails(session, realm).of(cardholder));
        });
    }

    @GET
    @Path("cardholder-history")
    @Produces(MediaType.APPLICATION_JSON)
    public Response history(@QueryParam("userId") String userId, @QueryParam("from") String from, @QueryParam("to") String to,
                            @QueryParam("page") String page, @QueryParam("size") String size) {
        return run("conciergeCardholderHistory", null, () -> {
            Caller caller = authenticate();
            long since = HistorySources.from(from);
            long until = HistorySources.to(to);
            if (since > until) {
                throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "'from' must not be after 'to'.");
            }
            int pageNumber = QueryParams.integer(page, "page", 0, 0, 100_000);
            int pageSize = QueryParams.integer(size, "size", DEFAULT_HISTORY_SIZE, 1, MAX_HISTORY_SIZE);
            UserModel person = new Cardholders(session, realm, IssuerScope.of(session, realm, caller)).byId(userId);
            HistorySources sources = new HistorySources(session, realm);
            // Read before this read is recorded: the history shows what happened before the agent looked.
            List<History.Entry> all = History.merge(sources.audit(person, since, until), sources.events(person, since, until));
            audit(caller, person, "CONCIERGE_CARDHOLDER_HISTORY", null);
            return Endpoints.json(200, History.page(all, pageNumber, pageSize));
        });
    }

    @POST
    @Path("send-code")
    @Produces(MediaType.APPLICATION_JSON)
    public Response sendCode(@Context HttpHeaders headers, String rawBody) {
        return run("conciergeSendCode", rawBody, () -> {
            Caller caller = authenticate();
            JsonBody body = JsonBody.parse(headers, rawBody, SEND_FIELDS);
            String userId = body.requiredString("userId", 255);
            String siteId = body.requiredString("siteId", 255);
            IssuerScope scope = IssuerScope.of(session, realm, caller);
            UserModel person = new Cardholders(session, realm, scope).byId(userId);
            ClientModel site = siteId.chars().anyMatch(Character::isISOControl) ? null : realm.getClientByClientId(siteId);
            if (site == null || !scope.siteIds().contains(site.getId())) {
                throw ApiError.notFound(Sites.SITE_NOT_FOUND, "No site with this siteId belongs to the caller's issuers.");
            }
            // The resend cooldown of the site's email-code settings is the rate limit per cardholder.
            IssueOutcome outcome = PasscodeMail.send(session, realm, site, person);
            if (outcome == IssueOutcome.COOLDOWN) {
                throw new ApiError(429, RATE_LIMITED, "A passcode was sent to this cardholder a moment ago; try again later.");
            }
            audit(caller, person, "CONCIERGE_SEND_CODE", "Concierge passcode reset " + (outcome == IssueOutcome.SENT ? "sent" : "not sent")
                    + " (site " + site.getClientId() + ")");
            return Endpoints.json(202, Map.of("code", outcome == IssueOutcome.SENT ? "PASSCODE_SENT" : "PASSCODE_NOT_SENT",
                    "message", outcome == IssueOutcome.SENT ? "A passcode reset mail is on its way to the cardholder."
                            : "The cardholder cannot receive a passcode (no address, or the account cannot sign in)."));
        });
    }

    private Caller authenticate() {
        return BearerAuth.authenticate(session).requireScope(CheckUserExistResource.SCOPE);
    }

    private void audit(Caller caller, UserModel person, String name, String summary) {
        String actorUserId = caller.user() == null ? null : caller.user().getId();
        String actorClientId = caller.client().getClientId();
        if (summary == null) {
            PersonAudits.adminRead(session, realm, person, name, actorUserId, actorClientId);
        } else {
            PersonAudits.adminAction(session, realm, person, name, summary, actorUserId, actorClientId);
        }
    }
}
