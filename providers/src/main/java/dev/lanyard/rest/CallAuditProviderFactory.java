package dev.lanyard.rest;

import org.keycloak.provider.ProviderFactory;

/** Factory of {@link CallAudit} providers. */
public interface CallAuditProviderFactory extends ProviderFactory<CallAudit> {
}
