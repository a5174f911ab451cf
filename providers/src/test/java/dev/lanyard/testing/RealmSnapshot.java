package dev.lanyard.testing;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.util.JsonSerialization;

/**
 * What a refused request must not change: the realm's settings, clients, flows and configs, and
 * every user with their credentials. Compared as JSON text before and after.
 */
public final class RealmSnapshot {

    private RealmSnapshot() {
    }

    public static String of(ManagedRealm realm) {
        Map<String, Object> snapshot = new TreeMap<>();
        snapshot.put("realm", realm.admin().toRepresentation());
        snapshot.put("clients", realm.admin().clients().findAll());
        snapshot.put("flows", realm.admin().flows().getFlows());
        Map<String, Object> users = new TreeMap<>();
        for (UserRepresentation user : realm.admin().users().list(0, 100_000)) {
            List<CredentialRepresentation> credentials = realm.admin().users().get(user.getId()).credentials();
            users.put(user.getId(), Map.of("user", user, "credentials", credentials));
        }
        snapshot.put("users", users);
        try {
            return JsonSerialization.writeValueAsPrettyString(snapshot);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
