package dev.lanyard.console;

import dev.lanyard.LanyardProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Realm resource {@value #ID}: the operations console's files ({@link ConsoleResource}). */
public final class ConsoleResourceProviderFactory implements RealmResourceProviderFactory, LanyardProviderFactory<RealmResourceProvider> {

    public static final String ID = "lanyard-console";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        ConsoleResource resource = new ConsoleResource();
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
