package dev.lanyard.enrollment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.PersistenceException;

import dev.lanyard.Printable;
import dev.lanyard.account.NewPeople;
import dev.lanyard.account.People;
import dev.lanyard.audit.PersonAudits;
import dev.lanyard.emailotp.EmailAddresses;
import dev.lanyard.passcode.PasscodeMail;
import dev.lanyard.rest.ApiError;
import dev.lanyard.rest.Caller;
import dev.lanyard.screening.SanctionsReviewRequiredAction;
import dev.lanyard.screening.ScreeningEntity;
import dev.lanyard.screening.ScreeningProvider;
import dev.lanyard.screening.ScreeningResolvedEvent;
import dev.lanyard.screening.ScreeningStatus;
import dev.lanyard.site.Sites;
import dev.lanyard.siteregistration.SiteRegistrationProvider;
import org.keycloak.common.util.Time;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Seed 000 "Guest Enrollment Workflow": a partner puts a person into a site without a password. The person is a
 * Keycloak user without a password credential, registered to the site, screened against the sanctions list before
 * the answer: a clear person gets a passcode mail (to set a password at {@code /user/change-password-from-passcode});
 * a potential match is held (disabled, on sanctions review, whatever the realm's flag-only setting) with no mail until
 * an officer resolves it, and then the mail goes out. Someone enrolled already gets the new site added.
 */
public final class Enrollments {

    public static final String ENROLLED = "ENROLLED";
    public static final String PENDING_REVIEW = "PENDING_REVIEW";
    public static final String ALREADY_ENROLLED = "ALREADY_ENROLLED";
    public static final String CONSENT_REQUIRED = "CONSENT_REQUIRED";
    public static final String EMAIL_IN_USE = "EMAIL_IN_USE";
    public static final String INVALID_PROFILE = "INVALID_PROFILE";
    public static final String SCREENING_UNAVAILABLE = "SCREENING_UNAVAILABLE";
    /** User attribute of a person held by their enrollment's screening: the site whose passcode mail waits. */
    public static final String HELD_FOR_SITE = "lanyard.enrollment.held-for-site";
    static final String PROGRAM_CODE = "lanyard.program-code";
    static final String SCREENING_TRIGGER = "ENROLLMENT";

    private final KeycloakSession session;
    private final RealmModel realm;

    public Enrollments(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** Enrolls the person for {@code site} (which the caller was shown to act for); the answer's status and body. */
    public Idempotency.Answer enroll(ClientModel caller, ClientModel site, EnrollmentRequest request) {
        EmailAddresses.requireValid(request.email());
        List<String> missing = RequiredTerms.parse(site.getAttribute(RequiredTerms.CLIENT_ATTRIBUTE)).notAccepted(request.consents());
        if (!missing.isEmpty()) {
            throw ApiError.badRequest(CONSENT_REQUIRED, "The site requires accepted consents to: " + String.join(", ", missing) + ".")
                    .withDetail("terms", missing);
        }
        UserModel existing = People.byEmail(session, realm, request.email());
        if (existing == null && session.users().getUserByUsername(realm, request.email()) != null) {
            throw new ApiError(409, EMAIL_IN_USE, "An account with this email address as its username exists already.");
        }
        return existing != null ? addSite(caller, site, existing, request) : create(caller, site, request);
    }

    private Idempotency.Answer addSite(ClientModel caller, ClientModel site, UserModel person, EnrollmentRequest request) {
        if (person.getServiceAccountClientLink() != null) {
            throw new ApiError(409, EMAIL_IN_USE, "This email address is not a person's.");
        }
        if (!register(site, person)) {
            throw new ApiError(409, ALREADY_ENROLLED, "The person is enrolled for this site already.");
        }
        recordConsents(caller, site, person, request.consents());
        PersonAudits.record(session, realm, person, "ENROLLMENT", "UPDATE", true, "Enrolled for site " + site.getClientId()
                + " by " + caller.getClientId() + " (existing account)", null);
        boolean held = person.getFirstAttribute(HELD_FOR_SITE) != null;
        return answer(held ? 202 : 200, person, held ? PENDING_REVIEW : ENROLLED);
    }

    private Idempotency.Answer create(ClientModel caller, ClientModel site, EnrollmentRequest request) {
        ScreeningProvider screening = session.getProvider(ScreeningProvider.class);
        boolean screens = ScreeningProvider.screens(realm);
        if (screens && !screening.listLoaded()) {
            // "Screened before it is usable": without a list nobody is enrolled, rather than enrolled unscreened.
            throw ApiError.unavailable(SCREENING_UNAVAILABLE, "Sanctions screening is not ready on this server; try again shortly.");
        }
        UserModel person = newPerson(request);
        register(site, person);
        recordConsents(caller, site, person, request.consents());
        new EventBuilder(realm, session, session.getContext().getConnection()).event(EventType.REGISTER).client(site).user(person)
                .detail(Details.USERNAME, person.getUsername()).detail(Details.EMAIL, person.getEmail())
                .detail(Details.REGISTER_METHOD, ScreeningProvider.SCREENED_IN_REQUEST).detail("partner", caller.getClientId()).success();

        Optional<ScreeningEntity> screened = screens ? screening.screen(realm, person, SCREENING_TRIGGER) : Optional.empty();
        if (screened.isPresent() && ScreeningStatus.POTENTIAL_MATCH.name().equals(screened.get().getStatus())) {
            hold(person, site);
            PersonAudits.record(session, realm, person, "ENROLLMENT", "CREATE", true, "Enrolled for site " + site.getClientId()
                    + " by " + caller.getClientId() + ": held for sanctions review", null);
            return answer(202, person, PENDING_REVIEW);
        }
        PasscodeMail.send(session, realm, site, person);
        PersonAudits.record(session, realm, person, "ENROLLMENT", "CREATE", true, "Enrolled for site " + site.getClientId()
                + " by " + caller.getClientId() + ": passcode mailed", null);
        return answer(201, person, ENROLLED);
    }

    /** The person through the realm's user profile (its validators decide the names); no password credential. */
    private UserModel newPerson(EnrollmentRequest request) {
        UserModel person;
        try {
            person = NewPeople.create(session, request.email(), request.firstName(), request.lastName());
        } catch (NewPeople.Refused refused) {
            if (refused.taken()) {
                throw new ApiError(409, EMAIL_IN_USE, "An account with this email address exists already.");
            }
            throw ApiError.badRequest(INVALID_PROFILE, "The realm's user profile refuses: " + String.join(", ", refused.fields()) + ".")
                    .withDetail("fields", refused.fields());
        }
        // Keycloak's OIDC claim names (the phone and address scopes' mappers read these attributes).
        setIfPresent(person, "phoneNumber", request.phone());
        setIfPresent(person, "birthdate", request.dateOfBirth() == null ? null : request.dateOfBirth().toString());
        Map<String, String> address = request.address();
        String street = address.containsKey("line2") ? address.getOrDefault("line1", "") + "\n" + address.get("line2") : address.get("line1");
        setIfPresent(person, "street", street);
        setIfPresent(person, "locality", address.get("city"));
        setIfPresent(person, "region", address.get("state"));
        setIfPresent(person, "postal_code", address.get("postalCode"));
        setIfPresent(person, "country", address.get("country"));
        setIfPresent(person, PROGRAM_CODE, request.programCode());
        return person;
    }

    private static void setIfPresent(UserModel person, String attribute, String value) {
        if (value != null) {
            person.setSingleAttribute(attribute, value);
        }
    }

    private boolean register(ClientModel site, UserModel person) {
        try {
            return session.getProvider(SiteRegistrationProvider.class).register(realm, site, person);
        } catch (PersistenceException | ModelDuplicateException registeredAtTheSameMoment) {
            session.getTransactionManager().setRollbackOnly();
            throw new ApiError(409, ALREADY_ENROLLED, "The person was enrolled for this site by another request at the same moment.");
        }
    }

    /** Disabled and on sanctions review until an officer decides: no sign-in, no code, no mail by any path. */
    private void hold(UserModel person, ClientModel site) {
        person.setEnabled(false);
        person.addRequiredAction(SanctionsReviewRequiredAction.ID);
        person.setSingleAttribute(HELD_FOR_SITE, site.getClientId());
    }

    /** An officer's decision on a held enrollment: a false positive is let in and gets its passcode mail. */
    static void onResolved(ScreeningResolvedEvent resolved) {
        UserModel person = resolved.user();
        String siteId = person.getFirstAttribute(HELD_FOR_SITE);
        if (siteId == null || resolved.decision() != ScreeningStatus.FALSE_POSITIVE) {
            return;
        }
        person.removeAttribute(HELD_FOR_SITE);
        person.setEnabled(true);
        ClientModel site = resolved.realm().getClientByClientId(siteId);
        if (site != null) {
            PasscodeMail.send(resolved.session(), resolved.realm(), site, person);
        }
        PersonAudits.record(resolved.session(), resolved.realm(), person, "ENROLLMENT", "UPDATE", true,
                "Held enrollment for site " + Printable.cut(siteId, 100) + " released: passcode mailed", null);
    }

    /** Whether the person is registered to a site the caller may act for (who may read their consents). */
    static boolean visibleTo(KeycloakSession session, RealmModel realm, Caller caller, UserModel person) {
        SiteRegistrationProvider registrations = session.getProvider(SiteRegistrationProvider.class);
        return realm.getClientsStream().filter(site -> Sites.mayActFor(caller, site))
                .anyMatch(site -> registrations.attributes(realm, site, person).isPresent());
    }

    private void recordConsents(ClientModel caller, ClientModel site, UserModel person, List<Consent> consents) {
        EnrollmentStore store = new EnrollmentStore(session);
        long now = Time.currentTimeMillis();
        String ip = Printable.cut(session.getContext().getConnection().getRemoteAddr(), 64);
        for (Consent consent : consents) {
            ConsentEntity record = new ConsentEntity();
            record.setId(KeycloakModelUtils.generateId());
            record.setRealmId(realm.getId());
            record.setUserId(person.getId());
            record.setTermsIdentifier(consent.termsIdentifier());
            record.setTermsVersion(consent.termsVersion());
            record.setAccepted(consent.accepted());
            record.setAcceptedAt(consent.acceptedAt());
            record.setRecordedAt(now);
            record.setClientId(caller.getClientId());
            record.setSiteId(site.getClientId());
            record.setIpAddress(ip);
            store.add(record);
        }
    }

    private static Idempotency.Answer answer(int status, UserModel person, String state) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("userId", person.getId());
        body.put("status", state);
        return new Idempotency.Answer(status, Idempotency.text(body));
    }
}
