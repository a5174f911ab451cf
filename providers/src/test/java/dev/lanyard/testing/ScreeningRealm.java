package dev.lanyard.testing;

import java.util.List;

import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;

/**
 * A tenant that screens its people: realm {@value #NAME} lists lanyard-audit and lanyard-screening,
 * signs in with passwords (an app with direct grants) and, once {@code SanctionsReviewHold.enable} has
 * run, holds potential matches. {@value #COMPLIANCE} is an internal service whose service account holds
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
}
