package dev.lanyard.authapi;

import dev.lanyard.LanyardProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Serves the seed 003 auth service API at {@code /realms/{realm}/auth} (the id is the URL segment the seed fixes). */
public final class AuthApiProviderFactory implements RealmResourceProviderFactory, LanyardProviderFactory<RealmResourceProvider> {

    public static final String ID = "auth";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        AuthApiResource resource = new AuthApiResource(session);
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
