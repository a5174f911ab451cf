package dev.lanyard.audit;

import dev.lanyard.LanyardProviderFactory;
import dev.lanyard.rest.CallAudit;
import dev.lanyard.rest.CallAuditProviderFactory;
import org.keycloak.models.KeycloakSession;

/** The audit trail's side of Lanyard's REST calls ({@link RestAudit}), for realms that list {@code lanyard-audit}. */
public final class RestAuditProviderFactory implements CallAuditProviderFactory, LanyardProviderFactory<CallAudit> {

    public static final String ID = "default";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public CallAudit create(KeycloakSession session) {
        return new RestAudit(session);
    }
}
