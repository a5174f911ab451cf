package dev.lanyard.api;

import jakarta.ws.rs.Path;

import dev.lanyard.audit.PersonAuditResource;
import dev.lanyard.rest.SeedEnvelope;
import dev.lanyard.rest.SeedResource;
import org.keycloak.models.KeycloakSession;

/** {@code /realms/{realm}/auth/...}: the seed 003 auth service. Locates each capability's resource; answers nothing itself. */
public final class AuthApi extends SeedResource {

    AuthApi(KeycloakSession session) {
        super(session, SeedEnvelope.AUTH_SERVICE);
    }

    @Path("admin/client/person/audit")
    public PersonAuditResource personAudit() {
        return new PersonAuditResource(session);
    }
}
