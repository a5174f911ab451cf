package dev.lanyard.revalidation;

import org.keycloak.provider.ProviderFactory;

/** Factory of {@link RevalidationProvider}s. */
public interface RevalidationProviderFactory extends ProviderFactory<RevalidationProvider> {
}
