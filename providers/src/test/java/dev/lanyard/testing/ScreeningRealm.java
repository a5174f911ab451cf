package dev.lanyard.testing;

import java.util.List;

import dev.lanyard.screening.SanctionsReviewRequiredAction;
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
        ClientRepresentation service = realm.admin().clients().findByClientId(COMPLIANCE).get(0);
        String serviceUser = realm.admin().clients().get(service.getId()).getServiceAccountUser().getId();
        ClientRepresentation management = realm.admin().clients().findByClientId("realm-management").get(0);
        List<RoleRepresentation> roles = List.of(
                realm.admin().clients().get(management.getId()).roles().get("manage-users").toRepresentation(),
                realm.admin().clients().get(management.getId()).roles().get("view-events").toRepresentation());
        realm.admin().users().get(serviceUser).roles().clientLevel(management.getId()).add(roles);
    }
}
