package dev.lanyard.merge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.lanyard.account.SignOuts;
import dev.lanyard.audit.PersonAudits;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserConsentModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;
import org.keycloak.models.credential.OTPCredentialModel;

/**
 * Merges one person into the kept one, in the caller's transaction: what the person has and the kept one lacks
 * (attributes, consents, the TOTP device, identity-provider links, groups) through Keycloak's model, so caches and
 * events stay right; Lanyard's rows through {@link LanyardRows}. Then the person is disabled, marked
 * {@value #MERGED_INTO}, and signed out everywhere. Each kind moved is counted; the counts (never values) are audited.
 */
final class PersonMerger {

    /** User attribute of a person merged away: the Keycloak id of the person kept. */
    static final String MERGED_INTO = "lanyard.merged-into";
    /** Attributes that describe the account itself, never moved. */
    private static final Set<String> OWN = Set.of(UserModel.USERNAME, UserModel.EMAIL, UserModel.FIRST_NAME, UserModel.LAST_NAME,
            UserModel.EMAIL_VERIFIED, UserModel.ENABLED, UserModel.CREATED_TIMESTAMP);

    private final KeycloakSession session;
    private final RealmModel realm;

    PersonMerger(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** What was moved, by kind (only kinds with something moved). */
    Map<String, Integer> merge(UserModel person, UserModel kept, String requestedBy) {
        Map<String, Integer> moved = new LinkedHashMap<>();
        count(moved, "attributes", attributes(person, kept));
        count(moved, "consents", consents(person, kept));
        count(moved, "totpDevices", totp(person, kept));
        count(moved, "identityLinks", identityLinks(person, kept));
        count(moved, "groups", groups(person, kept));
        LanyardRows rows = new LanyardRows(session, realm);
        count(moved, "siteRegistrations", rows.siteRegistrations(person.getId(), kept.getId()));
        count(moved, "aliases", rows.aliases(person.getId(), kept.getId()));
        count(moved, "dtsRecords", rows.dtsRecords(person.getId(), kept.getId()));
        count(moved, "screenings", rows.screenings(person.getId(), kept.getId()));
        count(moved, "auditRecords", rows.auditRecords(person.getId(), kept.getId()));

        person.setEnabled(false);
        person.setSingleAttribute(MERGED_INTO, kept.getId());
        SignOuts.everywhere(session, realm, person);
        String summary = "Merged " + person.getUsername() + " into this person: " + (moved.isEmpty() ? "nothing to move" : moved);
        PersonAudits.adminAction(session, realm, kept, "MERGE_PERSON", summary, requestedBy, null);
        PersonAudits.adminAction(session, realm, person, "MERGED_INTO", "Merged into " + kept.getUsername() + "; disabled", requestedBy, null);
        return moved;
    }

    private int attributes(UserModel person, UserModel kept) {
        int moved = 0;
        for (Map.Entry<String, List<String>> attribute : person.getAttributes().entrySet()) {
            String name = attribute.getKey();
            if (OWN.contains(name) || name.startsWith("lanyard.") || attribute.getValue().isEmpty()
                    || kept.getAttributeStream(name).findAny().isPresent()) {
                continue;
            }
            kept.setAttribute(name, attribute.getValue());
            moved++;
        }
        return moved;
    }

    private int consents(UserModel person, UserModel kept) {
        UserProvider users = session.users();
        Set<String> keptClients = users.getConsentsStream(realm, kept.getId()).map(c -> c.getClient().getId()).collect(Collectors.toSet());
        int moved = 0;
        for (UserConsentModel consent : users.getConsentsStream(realm, person.getId()).toList()) {
            if (keptClients.contains(consent.getClient().getId())) {
                continue;
            }
            UserConsentModel copy = new UserConsentModel(consent.getClient());
            consent.getGrantedClientScopes().forEach(copy::addGrantedClientScope);
            users.addConsent(realm, kept.getId(), copy);
            users.revokeConsentForClient(realm, person.getId(), consent.getClient().getId());
            moved++;
        }
        return moved;
    }

    /** The TOTP device, if the kept person has none: the same secret, so the person's authenticator app keeps working. */
    private int totp(UserModel person, UserModel kept) {
        if (kept.credentialManager().isConfiguredFor(OTPCredentialModel.TYPE)) {
            return 0;
        }
        int moved = 0;
        for (CredentialModel device : person.credentialManager().getStoredCredentialsByTypeStream(OTPCredentialModel.TYPE).toList()) {
            CredentialModel copy = new CredentialModel();
            copy.setType(device.getType());
            copy.setUserLabel(device.getUserLabel());
            copy.setCreatedDate(device.getCreatedDate());
            copy.setSecretData(device.getSecretData());
            copy.setCredentialData(device.getCredentialData());
            kept.credentialManager().createStoredCredential(copy);
            person.credentialManager().removeStoredCredentialById(device.getId());
            moved++;
        }
        return moved;
    }

    /** Links to identity providers the kept person has none with; a provider's link is unique, so it leaves the person first. */
    private int identityLinks(UserModel person, UserModel kept) {
        UserProvider users = session.users();
        Set<String> keptProviders = users.getFederatedIdentitiesStream(realm, kept).map(FederatedIdentityModel::getIdentityProvider)
                .collect(Collectors.toSet());
        int moved = 0;
        for (FederatedIdentityModel link : users.getFederatedIdentitiesStream(realm, person).toList()) {
            if (keptProviders.contains(link.getIdentityProvider())) {
                continue;
            }
            users.removeFederatedIdentity(realm, person, link.getIdentityProvider());
            session.getProvider(JpaConnectionProvider.class).getEntityManager().flush();
            users.addFederatedIdentity(realm, kept, new FederatedIdentityModel(link.getIdentityProvider(), link.getUserId(), link.getUserName(),
                    link.getToken()));
            moved++;
        }
        return moved;
    }

    private int groups(UserModel person, UserModel kept) {
        Set<String> keptGroups = kept.getGroupsStream().map(GroupModel::getId).collect(Collectors.toSet());
        int moved = 0;
        for (GroupModel group : person.getGroupsStream().toList()) {
            if (!keptGroups.contains(group.getId())) {
                kept.joinGroup(group);
                moved++;
            }
        }
        return moved;
    }

    private static void count(Map<String, Integer> moved, String kind, int count) {
        if (count > 0) {
            moved.put(kind, count);
        }
    }
}
