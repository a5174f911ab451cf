package dev.lanyard.registration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.lanyard.account.Activation;
import dev.lanyard.account.PasswordRules;
import dev.lanyard.emailotp.EmailAddresses;
import dev.lanyard.rest.ApiError;
import dev.lanyard.rest.BearerAuth;
import dev.lanyard.rest.Caller;
import dev.lanyard.rest.Endpoints;
import dev.lanyard.rest.ErrorCodes;
import dev.lanyard.rest.JsonBody;
import dev.lanyard.rest.PostResource;
import dev.lanyard.rest.SeedEnvelope;
import dev.lanyard.site.Sites;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.userprofile.UserProfile;
import org.keycloak.userprofile.UserProfileContext;
import org.keycloak.userprofile.UserProfileProvider;
import org.keycloak.userprofile.ValidationException;

/**
 * Seed 000 "User Registration Workflow", step 1: {@code POST /user/registration} by a site or a partner allowed
 * for it. The account is Keycloak's user, made through the realm's user profile (its attributes and validators),
 * with Keycloak's password credential under the realm's password policy; it holds the required action
 * {@value Activation#REQUIRED_ACTION} until the link in the activation mail is followed. Registered like
 * Keycloak's own registration page (a REGISTER event), so the realm's screening and audit see it.
 * <p>
 * A taken address is 409 {@value #EMAIL_IN_USE}: the callers are the tenant's own sites and partners with a
 * client secret, not the public; the browser registration page (Keycloak's) says "email exists" likewise.
 */
public final class RegistrationResource extends PostResource {

    public static final String EMAIL_IN_USE = "EMAIL_IN_USE";
    public static final String INVALID_PROFILE = "INVALID_PROFILE";
    public static final String REGISTRATION_NOT_ENABLED = "REGISTRATION_NOT_ENABLED";
    public static final String PENDING_ACTIVATION = "PENDING_ACTIVATION";
    static final String REGISTER_METHOD = "lanyard-rest";

    private static final Set<String> FIELDS = Set.of("email", "password", "firstName", "lastName", "siteId", "locale");

    public RegistrationResource(KeycloakSession session) {
        super(session, SeedEnvelope.PLATFORM);
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response register(@Context HttpHeaders headers, String rawBody) {
        return run("registerUser", rawBody, () -> {
            Caller caller = BearerAuth.authenticate(session).requireServiceAccount();
            JsonBody body = JsonBody.parse(headers, rawBody, FIELDS);
            String email = body.requiredString("email", 254);
            String password = body.requiredString("password", 256);
            String firstName = body.requiredString("firstName", 255);
            String lastName = body.requiredString("lastName", 255);
            String siteId = body.requiredString("siteId", 255);
            String locale = body.optionalString("locale", 35);
            ClientModel site = Sites.authorize(realm, caller, siteId);
            EmailAddresses.requireValid(email);
            if (!Activation.enabledIn(realm)) {
                throw ApiError.forbidden(REGISTRATION_NOT_ENABLED, "Registration needs the required action '"
                        + Activation.REQUIRED_ACTION + "' enabled in this realm (Authentication → Required actions).");
            }
            if (session.users().getUserByEmail(realm, email) != null || session.users().getUserByUsername(realm, email) != null) {
                throw emailInUse();
            }

            UserModel user = create(email, firstName, lastName, locale);
            Locale language = locale != null ? Locale.forLanguageTag(locale) : session.getContext().resolveLocale(user);
            try {
                PasswordRules.require(session, realm, user, password, language);
            } catch (ApiError refused) {
                session.getTransactionManager().setRollbackOnly(); // the account made above is taken back
                throw refused;
            }
            user.credentialManager().updateCredential(UserCredentialModel.password(password, false));
            Activation.markPending(user);

            new EventBuilder(realm, session, session.getContext().getConnection()).event(EventType.REGISTER).client(site).user(user)
                    .detail(Details.USERNAME, user.getUsername()).detail(Details.EMAIL, user.getEmail())
                    .detail(Details.REGISTER_METHOD, REGISTER_METHOD).success();
            ActivationMail.send(session, realm, user, site);

            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("userId", user.getId());
            answer.put("status", PENDING_ACTIVATION);
            answer.put("message", "The account is created; it can sign in once the link mailed to its address is followed.");
            return Endpoints.json(201, answer);
        });
    }


    /** The account through the realm's user profile (registration context): its validators decide the names. */
    private UserModel create(String email, String firstName, String lastName, String locale) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put(UserModel.USERNAME, email);
        attributes.put(UserModel.EMAIL, email);
        attributes.put(UserModel.FIRST_NAME, firstName);
        attributes.put(UserModel.LAST_NAME, lastName);
        if (locale != null) {
            attributes.put(UserModel.LOCALE, locale);
        }
        UserProfile profile = session.getProvider(UserProfileProvider.class).create(UserProfileContext.REGISTRATION, attributes);
        try {
            UserModel user = profile.create();
            user.setEnabled(true);
            return user;
        } catch (ValidationException invalid) {
            session.getTransactionManager().setRollbackOnly();
            List<String> fields = invalid.getErrors().stream().map(ValidationException.Error::getAttribute).distinct().toList();
            if (fields.contains(UserModel.EMAIL) && invalid.hasError("emailExistsMessage")
                    || fields.contains(UserModel.USERNAME) && invalid.hasError("usernameExistsMessage")) {
                throw emailInUse();
            }
            throw ApiError.badRequest(INVALID_PROFILE, "The realm's user profile refuses: " + String.join(", ", fields) + ".")
                    .withDetail("fields", fields);
        } catch (ModelDuplicateException | PersistenceException sameAddressAtTheSameTime) {
            session.getTransactionManager().setRollbackOnly();
            throw emailInUse();
        }
    }

    private static ApiError emailInUse() {
        return new ApiError(409, EMAIL_IN_USE, "An account with this email address exists already.");
    }
}
