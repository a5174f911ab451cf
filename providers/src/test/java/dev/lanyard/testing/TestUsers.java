package dev.lanyard.testing;

import java.util.Locale;
import java.util.UUID;

import jakarta.ws.rs.core.Response;

import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.util.ApiUtil;

/** Users made per test, with unique names, so tests sharing the demo realm never meet. */
public final class TestUsers {

    public record TestUser(String id, String username, String email) {
    }

    private TestUsers() {
    }

    public static TestUser create(ManagedRealm realm, String prefix) {
        return create(realm, prefix, "lanyard.test");
    }

    public static TestUser create(ManagedRealm realm, String prefix, String domain) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        UserRepresentation user = new UserRepresentation();
        user.setUsername(name);
        user.setEmail(name + "@" + domain);
        user.setFirstName(prefix.substring(0, 1).toUpperCase(Locale.ROOT) + prefix.substring(1));
        user.setLastName("Tester");
        user.setEnabled(true);
        user.setEmailVerified(true);
        try (Response response = realm.admin().users().create(user)) {
            if (response.getStatus() != 201) {
                throw new AssertionError("Creating user failed: " + response.getStatus());
            }
            return new TestUser(ApiUtil.getCreatedId(response), name, user.getEmail());
        }
    }
}
