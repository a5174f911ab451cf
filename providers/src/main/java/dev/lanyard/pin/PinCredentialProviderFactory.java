package dev.lanyard.pin;

import dev.lanyard.LanyardProviderFactory;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialProviderFactory;
import org.keycloak.models.KeycloakSession;

/** The {@value PinCredentialProvider#TYPE} credential type. */
public final class PinCredentialProviderFactory implements CredentialProviderFactory<PinCredentialProvider>,
        LanyardProviderFactory<CredentialProvider> {

    public static final String ID = "lanyard-pin";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public PinCredentialProvider create(KeycloakSession session) {
        return new PinCredentialProvider(session);
    }

    // CredentialProviderFactory and LanyardProviderFactory both give these defaults: say which.
    @Override
    public void init(org.keycloak.Config.Scope config) {
    }

    @Override
    public void postInit(org.keycloak.models.KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
