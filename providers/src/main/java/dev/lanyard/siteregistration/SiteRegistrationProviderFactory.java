package dev.lanyard.siteregistration;

import org.keycloak.provider.ProviderFactory;

/** Factory of {@link SiteRegistrationProvider}s. */
public interface SiteRegistrationProviderFactory extends ProviderFactory<SiteRegistrationProvider> {
}
