package dev.lanyard.orchestrator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.PersistenceException;

import dev.lanyard.account.NewPeople;
import dev.lanyard.account.People;
import dev.lanyard.audit.PersonAudits;
import dev.lanyard.mail.MailAfterCommit;
import dev.lanyard.migration.LegacyUserStorageProvider;
import dev.lanyard.rest.ApiError;
import dev.lanyard.siteregistration.SiteRegistrationProvider;
import org.keycloak.authentication.actiontoken.execactions.ExecuteActionsActionToken;
import org.keycloak.common.util.Time;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.protocol.oidc.utils.RedirectUtils;
import org.keycloak.services.resources.LoginActionsService;

/**
 * Seed 002's passwordless creation on Keycloak, in the seed's three steps and their event types:
 * {@code AUTHSYSTEM_USER_GET} (is the address someone's?), {@code AUTHSYSTEM_USER_CREATE} (the Keycloak user, no
 * credential) and {@code SUBSCRIBE_USER_CREATE} (the site registration and, with {@code VerifyEmail}, the mail).
 * The change-password URL is Keycloak's execute-actions action token (UPDATE_PASSWORD, a one-time action, so the
 * link works once), landing on {@code ReturnUrl}.
 */
public final class UsersOrchestrator {

    public static final String SOURCE_SYSTEM_ATTRIBUTE = "lanyard.source-system";
    public static final String METADATA_PREFIX = "lanyard.metadata.";
    /** Details of the Keycloak events and names of the audit records: the seed's event type code and id. */
    public static final String SEED_EVENT = PersonAudits.SEED_EVENT;
    public static final String SEED_EVENT_ID = "seed_event_id";
    public static final String REGISTER_METHOD = "lanyard-users-orchestrator";

    /** The seed's event types, with their ids. */
    enum SeedEvent {
        AUTHSYSTEM_USER_GET(4601), AUTHSYSTEM_USER_CREATE(4602), SUBSCRIBE_USER_CREATE(4002);

        final int id;

        SeedEvent(int id) {
            this.id = id;
        }
    }

    private final KeycloakSession session;
    private final RealmModel realm;

    public UsersOrchestrator(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** Creates the person for {@code site} (the calling client); the answer's fields in camelCase. */
    public Map<String, Object> create(ClientModel site, TenantHeaders headers, PasswordlessUserRequest request) {
        if (request.ignoreProvider()) {
            // Not the lookup only: the user profile's "email exists" check would ask the directory too.
            session.setAttribute(LegacyUserStorageProvider.NOT_ASKED, Boolean.TRUE);
        }
        String returnUrl = returnUrl(site, request.returnUrl());
        UserModel existing = lookUp(request);
        if (existing != null) {
            audit(existing, SeedEvent.AUTHSYSTEM_USER_GET, true, "Found by email for " + headers.sourceSystem() + ": not created again");
            throw pendingVerification(existing) ? OrchestratorCodes.pendingVerification() : OrchestratorCodes.emailInUse();
        }
        CustomerRegistrations registrations = new CustomerRegistrations(session);
        if (request.customerRegistrationId() != null && registrations.find(realm.getId(), request.customerRegistrationId()).isPresent()) {
            throw OrchestratorCodes.registrationIdExists();
        }

        UserModel person = newPerson(request);
        person.setEmailVerified(false);
        if (request.verifyEmail()) {
            person.addRequiredAction(UserModel.RequiredAction.VERIFY_EMAIL);
        }
        person.setSingleAttribute(SOURCE_SYSTEM_ATTRIBUTE, headers.sourceSystem());
        request.metadata().forEach((key, value) -> person.setSingleAttribute(METADATA_PREFIX + key, value));
        if (request.customerRegistrationId() != null) {
            claim(registrations, person, headers, request);
        }
        audit(person, SeedEvent.AUTHSYSTEM_USER_GET, false, "Not found by email for " + headers.sourceSystem() + ": created");
        event(EventType.REGISTER, site, person, SeedEvent.AUTHSYSTEM_USER_CREATE, headers)
                .detail(Details.REGISTER_METHOD, REGISTER_METHOD).success();

        session.getProvider(SiteRegistrationProvider.class).register(realm, site, person);
        int lifespan = realm.getActionTokenGeneratedByAdminLifespan();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("userId", person.getId());
        answer.put("email", person.getEmail());
        answer.put("customerRegistrationId", request.customerRegistrationId());
        if (request.verifyEmail()) {
            // One link verifies the address and sets the password: a change-password URL handed to the caller would
            // verify the address too (Keycloak's execute-actions link proves the mailbox), so there is none.
            String link = link(site, person, returnUrl, lifespan, List.of(UserModel.RequiredAction.VERIFY_EMAIL.name(),
                    UserModel.RequiredAction.UPDATE_PASSWORD.name()));
            long minutes = Math.max(1, lifespan / 60);
            MailAfterCommit.sendKeycloakMail(session, realm, person, "verification", mail -> mail.sendVerifyEmail(link, minutes));
            event(EventType.SEND_VERIFY_EMAIL, site, person, SeedEvent.SUBSCRIBE_USER_CREATE, headers).success();
            answer.put("status", "PENDING_VERIFICATION");
            answer.put("changePasswordUrl", null);
            answer.put("changePasswordUrlExpiresAt", null);
        } else {
            audit(person, SeedEvent.SUBSCRIBE_USER_CREATE, true, "Registered to site " + site.getClientId() + " for "
                    + headers.sourceSystem() + " (no mail: the change-password URL is in the answer)");
            answer.put("status", "ACTIVE");
            answer.put("changePasswordUrl", link(site, person, returnUrl, lifespan, List.of(UserModel.RequiredAction.UPDATE_PASSWORD.name())));
            answer.put("changePasswordUrlExpiresAt", (Time.currentTime() + (long) lifespan) * 1000L);
        }
        return answer;
    }

    /**
     * {@code IgnoreProvider} false: the address is looked up as every login does, so a person still in the legacy
     * directory (Lanyard's user federation) is found there and moves over; true: Keycloak's own store only (the
     * federation is told not to ask, see {@link #create}).
     */
    private UserModel lookUp(PasswordlessUserRequest request) {
        try {
            return lookUpUnguarded(request);
        } catch (ApiError unavailable) {
            if (unavailable.status() < 500) {
                throw unavailable;
            }
            // The legacy directory did not answer: the seed's "problem during the GetById workflow"; nothing is created.
            throw new ApiError(500, OrchestratorCodes.GET_BY_ID_FAILED, "There was a problem during the GetById workflow.");
        }
    }

    private UserModel lookUpUnguarded(PasswordlessUserRequest request) {
        UserModel found = People.byEmail(session, realm, request.email());
        return found != null ? found : People.byUsername(session, realm, request.email());
    }

    private static boolean pendingVerification(UserModel person) {
        return !person.isEmailVerified() && person.getRequiredActionsStream().anyMatch(UserModel.RequiredAction.VERIFY_EMAIL.name()::equals);
    }

    private UserModel newPerson(PasswordlessUserRequest request) {
        try {
            return NewPeople.create(session, request.email(), request.firstName(), request.lastName());
        } catch (NewPeople.Refused refused) {
            if (refused.taken()) {
                throw OrchestratorCodes.emailInUse();
            }
            throw OrchestratorCodes.invalidInput("The realm's user profile refuses: " + String.join(", ", refused.fields()) + ".")
                    .withDetail("fields", refused.fields());
        }
    }

    /** The unique key decides between two creations with one id at the same moment. */
    private void claim(CustomerRegistrations registrations, UserModel person, TenantHeaders headers, PasswordlessUserRequest request) {
        CustomerRegistrationEntity row = new CustomerRegistrationEntity();
        row.setId(KeycloakModelUtils.generateId());
        row.setRealmId(realm.getId());
        row.setUserId(person.getId());
        row.setCustomerRegistrationId(request.customerRegistrationId());
        row.setEncryptedId(request.encryptedCustomerRegistrationId());
        row.setSourceSystem(headers.sourceSystem());
        row.setCreatedAt(Time.currentTimeMillis());
        try {
            registrations.claim(row);
        } catch (PersistenceException | ModelDuplicateException sameIdAtTheSameMoment) {
            session.getTransactionManager().setRollbackOnly();
            throw OrchestratorCodes.registrationIdExists();
        }
    }

    /** Where the link lands: a URL the site's redirect URIs allow (as Keycloak checks a login's), or none. */
    private String returnUrl(ClientModel site, String requested) {
        if (requested == null) {
            return null;
        }
        String verified = RedirectUtils.verifyRedirectUri(session, requested, site);
        if (verified == null) {
            throw OrchestratorCodes.invalidInput("The ReturnUrl is not one of the site's valid redirect URIs.");
        }
        return verified;
    }

    private String link(ClientModel site, UserModel person, String returnUrl, int lifespan, List<String> actions) {
        ExecuteActionsActionToken token = new ExecuteActionsActionToken(person.getId(), person.getEmail(), Time.currentTime() + lifespan,
                actions, returnUrl, site.getClientId());
        return LoginActionsService.actionTokenProcessor(session.getContext().getUri())
                .queryParam(Constants.KEY, token.serialize(session, realm, session.getContext().getUri()))
                .queryParam(Constants.CLIENT_ID, site.getClientId())
                .build(realm.getName()).toString();
    }

    private EventBuilder event(EventType type, ClientModel site, UserModel person, SeedEvent seed, TenantHeaders headers) {
        return new EventBuilder(realm, session, session.getContext().getConnection()).event(type).client(site).user(person)
                .detail(Details.USERNAME, person.getUsername()).detail(Details.EMAIL, person.getEmail())
                .detail(SEED_EVENT, seed.name()).detail(SEED_EVENT_ID, String.valueOf(seed.id))
                .detail("source_system", headers.sourceSystem());
    }

    /** A step Keycloak has no event type for: in the audit trail under the seed's name. */
    private void audit(UserModel person, SeedEvent seed, boolean found, String summary) {
        PersonAudits.record(session, realm, person, seed.name(), seed == SeedEvent.AUTHSYSTEM_USER_GET ? "READ" : "CREATE", true,
                seed.name() + " (" + seed.id + "): " + summary, found ? "{\"found\":true}" : "{\"found\":false}");
    }
}
