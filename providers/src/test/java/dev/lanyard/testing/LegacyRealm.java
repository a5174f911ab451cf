package dev.lanyard.testing;

import java.util.List;
import java.util.Map;

import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.ComponentExportRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.RolesRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;

/**
 * A tenant leaving the legacy auth service: realm {@value #NAME} with the {@code lanyard-legacy}
 * federation pointed at {@link LegacyService}, Keycloak's own password login, a realm password
 * policy that differs from any legacy hash (pbkdf2-sha256, at least 8 characters), the realm role
 * {@code cardholder} that legacy's CONSUMER maps to, and an app allowed direct grants.
 */
public final class LegacyRealm implements RealmConfig {

    public static final String NAME = "legacy";
    public static final String FEDERATION = "legacy directory";
    public static final String APP = "legacy-app";
    public static final String APP_SECRET = "legacy-app-secret";
    public static final String HASH = "pbkdf2-sha256";
    /** Keycloak 26's default iterations for pbkdf2-sha256, which the policy does not override. */
    public static final int HASH_ITERATIONS = 600_000;

    /** Changes settings of the realm's legacy federation through the admin API, as an admin would. */
    public static void updateFederation(ManagedRealm realm, Map<String, String> changes) {
        ComponentRepresentation federation = realm.admin().components().query(null, "org.keycloak.storage.UserStorageProvider").get(0);
        changes.forEach((key, value) -> federation.getConfig().putSingle(key, value));
        realm.admin().components().component(federation.getId()).update(federation);
    }

    public static String federationId(ManagedRealm realm) {
        return realm.admin().components().query(null, "org.keycloak.storage.UserStorageProvider").get(0).getId();
    }

    @Override
    public RealmBuilder configure(RealmBuilder builder) {
        RealmRepresentation realm = builder.build();
        realm.setRealm(NAME);
        realm.setEnabled(true);
        realm.setLoginWithEmailAllowed(true);
        realm.setPasswordPolicy("hashAlgorithm(" + HASH + ") and length(8)");
        realm.setBruteForceProtected(true);
        realm.setFailureFactor(5);
        realm.setQuickLoginCheckMilliSeconds(0L);

        RoleRepresentation cardholder = new RoleRepresentation("cardholder", "Card holder (legacy CONSUMER)", false);
        RolesRepresentation roles = new RolesRepresentation();
        roles.setRealm(List.of(cardholder));
        realm.setRoles(roles);

        ClientRepresentation app = new ClientRepresentation();
        app.setClientId(APP);
        app.setSecret(APP_SECRET);
        app.setPublicClient(false);
        app.setDirectAccessGrantsEnabled(true);
        app.setStandardFlowEnabled(false);
        realm.setClients(List.of(app));

        ComponentExportRepresentation federation = new ComponentExportRepresentation();
        federation.setName(FEDERATION);
        federation.setProviderId("lanyard-legacy");
        MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
        config.putSingle("legacyBaseUrl", LegacyService.BASE_URL);
        config.putSingle("tenantName", LegacyService.TENANT);
        config.putSingle("readTimeoutMillis", "2000");
        // Tests switch legacy off and on quickly; the cooldown itself is proven on its own.
        config.putSingle("outageCooldownSeconds", "0");
        config.add("roleMapping", "CONSUMER=cardholder");
        config.putSingle("importAndUnlink", "true");
        config.putSingle("enabled", "true");
        config.putSingle("priority", "0");
        federation.setConfig(config);
        MultivaluedHashMap<String, ComponentExportRepresentation> components = new MultivaluedHashMap<>();
        components.add("org.keycloak.storage.UserStorageProvider", federation);
        realm.setComponents(components);
        return builder;
    }
}
