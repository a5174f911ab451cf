package dev.lanyard;

import java.util.Map;

import org.keycloak.provider.ServerInfoAwareProviderFactory;

/**
 * Implemented by every Lanyard provider factory, so the admin console's Server info → Provider info
 * shows the pack's version next to each of its providers.
 */
public interface LanyardProviderFactory extends ServerInfoAwareProviderFactory {

    @Override
    default Map<String, String> getOperationalInfo() {
        return LanyardVersion.operationalInfo();
    }
}
