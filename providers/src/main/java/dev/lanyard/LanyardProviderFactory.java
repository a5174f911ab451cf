package dev.lanyard;

import java.util.Map;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/**
 * Implemented by every Lanyard provider factory: the admin console's Server info → Provider info
 * shows the pack's version next to each provider, and factories without start-up work stay pure
 * metadata (those with some override {@link #init} / {@link #postInit}).
 */
public interface LanyardProviderFactory<T extends Provider> extends ProviderFactory<T>, ServerInfoAwareProviderFactory {

    @Override
    default Map<String, String> getOperationalInfo() {
        return LanyardVersion.operationalInfo();
    }

    @Override
    default void init(Config.Scope config) {
    }

    @Override
    default void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    default void close() {
    }
}
