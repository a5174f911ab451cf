package dev.lanyard.userapi;

import dev.lanyard.LanyardProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * Serves the seed 000 user API at {@code /realms/{realm}/user}. The id is the URL segment the seed
 * fixes, hence not {@code lanyard-} prefixed like Lanyard's other providers.
 */
public final class UserApiProviderFactory implements RealmResourceProviderFactory, LanyardProviderFactory<RealmResourceProvider> {

    public static final String ID = "user";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        UserApiResource resource = new UserApiResource(session);
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return resource;
            }

            @Override
            public void close() {
            }
        };
    }
}
