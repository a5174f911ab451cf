package dev.lanyard.api;

import jakarta.ws.rs.Path;

import dev.lanyard.orchestrator.CaseStyle;
import dev.lanyard.orchestrator.PasswordlessUsersResource;
import dev.lanyard.rest.SeedEnvelope;
import dev.lanyard.rest.SeedResource;
import org.keycloak.models.KeycloakSession;

/**
 * {@code /realms/{realm}/User/...}: seed 002's old path, PascalCase model. Not seed 000's {@code /user} (Keycloak's
 * realm resources are found by their exact, case-sensitive segment). Only locators.
 */
public final class LegacyUserApi extends SeedResource {

    LegacyUserApi(KeycloakSession session) {
        super(session, SeedEnvelope.ORCHESTRATOR);
    }

    @Path("Passwordless")
    public PasswordlessUsersResource passwordless() {
        return new PasswordlessUsersResource(session, CaseStyle.PASCAL, "createPasswordlessUserLegacy");
    }
}
