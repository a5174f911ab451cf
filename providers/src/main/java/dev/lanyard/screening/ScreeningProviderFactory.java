package dev.lanyard.screening;

import org.keycloak.provider.ProviderFactory;

/** Factory of {@link ScreeningProvider}s. */
public interface ScreeningProviderFactory extends ProviderFactory<ScreeningProvider> {
}
