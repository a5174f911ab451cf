package dev.lanyard.alias;

import org.keycloak.provider.ProviderFactory;

/** Factory of {@link AliasProvider}s. */
public interface AliasProviderFactory extends ProviderFactory<AliasProvider> {
}
