package dev.lanyard.migration;

import java.util.List;
import java.util.Map;

import dev.lanyard.LanyardVersion;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.storage.UserStorageProviderFactory;

/** User federation {@code lanyard-legacy}: lazy migration from the legacy auth service (seed 003). */
public class LegacyUserStorageProviderFactory implements UserStorageProviderFactory<LegacyUserStorageProvider>,
        ServerInfoAwareProviderFactory {

    public static final String ID = "lanyard-legacy";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getHelpText() {
        return "Lazy migration from the legacy auth service: people unknown to Keycloak are looked up there when they sign in,"
                + " checked with their legacy password, then imported with that password hashed by the realm's policy.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return LegacyConfigProperties.PROPERTIES;
    }

    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel config) {
        try {
            LegacySettings.from(config.getConfig());
        } catch (IllegalArgumentException e) {
            throw new ComponentValidationException(e.getMessage());
        }
    }

    @Override
    public LegacyUserStorageProvider create(KeycloakSession session, ComponentModel model) {
        LegacySettings settings = LegacySettings.from(model.getConfig());
        return new LegacyUserStorageProvider(session, model, settings, new LegacyHttpDirectory(session, settings));
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return LanyardVersion.operationalInfo();
    }
}
