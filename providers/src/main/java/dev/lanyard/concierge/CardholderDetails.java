package dev.lanyard.concierge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.lanyard.account.BruteForce;
import dev.lanyard.duplicates.ContactKeys;
import dev.lanyard.issuer.Issuers;
import dev.lanyard.person.PersonEntity;
import dev.lanyard.person.PersonRecords;
import dev.lanyard.screening.SanctionsReviewRequiredAction;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;

/**
 * What an agent sees of a cardholder: names, contacts, status, the registrations to the caller's issuers' sites (never
 * another issuer's), whether MFA is enrolled, the last sign-in. Never a credential, PIN, answer, date of birth or SSN:
 * the view is built field by field, not from the user's attributes.
 */
final class CardholderDetails {

    private final KeycloakSession session;
    private final RealmModel realm;

    CardholderDetails(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    Map<String, Object> of(Cardholders.Cardholder cardholder) {
        UserModel person = cardholder.person();
        Optional<PersonEntity> record = new PersonRecords(session).record(person);
        boolean closed = record.map(r -> r.getClosedAt() != null).orElse(false);
        boolean locked = BruteForce.isLocked(session, realm, person);
        boolean held = person.getRequiredActionsStream().anyMatch(SanctionsReviewRequiredAction.ID::equals);

        Map<String, Object> view = new LinkedHashMap<>();
        view.put("userId", person.getId());
        view.put("username", person.getUsername());
        view.put("firstName", person.getFirstName());
        view.put("lastName", person.getLastName());
        view.put("email", person.getEmail());
        view.put("emailVerified", person.isEmailVerified());
        view.put("phone", person.getFirstAttribute(ContactKeys.PHONE));
        view.put("status", status(person, closed, locked, held));
        view.put("enabled", person.isEnabled());
        view.put("lockedByBruteForce", locked);
        view.put("sanctionsHold", held);
        view.put("closed", closed);
        view.put("mfaEnrolled", person.credentialManager().isConfiguredFor(OTPCredentialModel.TYPE));
        view.put("lastSignIn", record.map(PersonEntity::getLastSignInAt).orElse(null));
        view.put("createdAt", person.getCreatedTimestamp());
        view.put("siteRegistrations", registrations(cardholder.registrations()));
        return view;
    }

    /** CLOSED before SANCTIONS_HOLD before LOCKED before DISABLED: the one an agent must act on first. */
    static String status(UserModel person, boolean closed, boolean locked, boolean held) {
        if (closed) {
            return "CLOSED";
        }
        if (held) {
            return "SANCTIONS_HOLD";
        }
        if (locked) {
            return "LOCKED";
        }
        return person.isEnabled() ? "ACTIVE" : "DISABLED";
    }

    private List<Map<String, Object>> registrations(Map<String, Long> registrations) {
        List<Map<String, Object>> sites = new ArrayList<>();
        registrations.forEach((siteId, registeredAt) -> {
            ClientModel site = realm.getClientById(siteId);
            if (site != null) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("siteId", site.getClientId());
                entry.put("issuer", site.getAttribute(Issuers.SITE_ISSUER));
                entry.put("registeredAt", registeredAt);
                sites.add(entry);
            }
        });
        return sites;
    }
}
