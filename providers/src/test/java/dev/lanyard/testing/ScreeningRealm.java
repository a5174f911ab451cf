package dev.lanyard.testing;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lanyard.screening.SanctionsReviewRequiredAction;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RequiredActionProviderRepresentation;
import org.keycloak.representations.idm.RequiredActionProviderSimpleRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;

/**
 * A tenant that screens its people: realm {@value #NAME} lists lanyard-audit and lanyard-screening,
 * signs in with passwords (an app with direct grants) and, once {@link #enableHold} has run, holds
 * potential matches. {@value #COMPLIANCE} is an internal service whose service account holds
 * realm-management's manage-users role (revalidation, resolving screenings) and view-events (audit).
 */
public final class ScreeningRealm implements RealmConfig {

    public static final String NAME = "screening";
    public static final String APP = "screening-app";
    public static final String APP_SECRET = "screening-app-secret";
    public static final String COMPLIANCE = "compliance-service";
    public static final String COMPLIANCE_SECRET = "compliance-service-secret";

    @Override
    public RealmBuilder configure(RealmBuilder builder) {
        RealmRepresentation realm = builder.build();
        realm.setRealm(NAME);
        realm.setEnabled(true);
        realm.setEventsListeners(List.of("jboss-logging", "lanyard-audit", "lanyard-screening"));
        realm.setAdminEventsEnabled(true);
        realm.setRegistrationAllowed(true);

        ClientRepresentation app = new ClientRepresentation();
        app.setClientId(APP);
        app.setSecret(APP_SECRET);
        app.setPublicClient(false);
        app.setDirectAccessGrantsEnabled(true);
        app.setStandardFlowEnabled(false);
        ClientRepresentation compliance = new ClientRepresentation();
        compliance.setClientId(COMPLIANCE);
        compliance.setSecret(COMPLIANCE_SECRET);
        compliance.setPublicClient(false);
        compliance.setServiceAccountsEnabled(true);
        compliance.setStandardFlowEnabled(false);
        realm.setClients(List.of(app, compliance));
        return builder;
    }

    /** As an admin does in Authentication → Required actions: register the hold and switch it on. */
    public static void enableHold(ManagedRealm realm) {
        switchHold(realm, true);
    }

    /** Registers the hold if needed and switches it on (potential matches are held) or off (only flagged). */
    public static void switchHold(ManagedRealm realm, boolean enabled) {
        String hold = SanctionsReviewRequiredAction.ID;
        boolean registered = realm.admin().flows().getRequiredActions().stream().anyMatch(a -> hold.equals(a.getAlias()));
        if (!registered) {
            RequiredActionProviderSimpleRepresentation action = new RequiredActionProviderSimpleRepresentation();
            action.setProviderId(hold);
            action.setName("Sanctions review hold");
            realm.admin().flows().registerRequiredAction(action);
        }
        RequiredActionProviderRepresentation action = realm.admin().flows().getRequiredAction(hold);
        action.setEnabled(enabled);
        realm.admin().flows().updateRequiredAction(hold, action);
    }

    /** Gives the compliance service's account realm-management's manage-users and view-events. */
    public static void grantComplianceRoles(ManagedRealm realm) {
        grantRealmManagementRoles(realm.admin(), COMPLIANCE, "manage-users", "view-events");
    }

    /** Gives a client's service account realm-management roles, as an admin does on its Service account roles tab. */
    public static void grantRealmManagementRoles(RealmResource realm, String clientId, String... roleNames) {
        ClientRepresentation service = realm.clients().findByClientId(clientId).get(0);
        String serviceUser = realm.clients().get(service.getId()).getServiceAccountUser().getId();
        String management = realm.clients().findByClientId("realm-management").get(0).getId();
        List<RoleRepresentation> roles = new java.util.ArrayList<>();
        for (String role : roleNames) {
            roles.add(realm.clients().get(management).roles().get(role).toRepresentation());
        }
        realm.users().get(serviceUser).roles().clientLevel(management).add(roles);
    }

    /**
     * The person's newest screening once they have at least {@code count}, read through Lanyard's REST with a
     * manage-users token; screenings run just after the change that causes them commits.
     */
    public static JsonNode awaitScreenings(String realmName, String token, String userId, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            Api.Reply history = Api.get(Api.realmUrl(realmName) + "/user/internal/screening/" + userId, token);
            if (history.status() != 200) {
                throw new AssertionError("screenings of " + userId + ": " + history.status() + " " + history.body());
            }
            if (history.json().get("screenings").size() >= count) {
                return history.json().get("screenings").get(0);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("fewer than " + count + " screenings of " + userId);
    }
}
