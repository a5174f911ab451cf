package dev.lanyard.securityanswer;

import dev.lanyard.LanyardProviderFactory;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialProviderFactory;
import org.keycloak.models.KeycloakSession;

/** The {@value SecurityAnswerCredentialProvider#TYPE} credential type. */
public final class SecurityAnswerCredentialProviderFactory implements CredentialProviderFactory<SecurityAnswerCredentialProvider>,
        LanyardProviderFactory<CredentialProvider> {

    public static final String ID = "lanyard-security-answer";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public SecurityAnswerCredentialProvider create(KeycloakSession session) {
        return new SecurityAnswerCredentialProvider(session);
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
