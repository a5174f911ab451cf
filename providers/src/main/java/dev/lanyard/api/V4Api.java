package dev.lanyard.api;

import jakarta.ws.rs.Path;

import dev.lanyard.orchestrator.CaseStyle;
import dev.lanyard.orchestrator.PasswordlessUsersResource;
import dev.lanyard.rest.SeedEnvelope;
import dev.lanyard.rest.SeedResource;
import org.keycloak.models.KeycloakSession;

/** {@code /realms/{realm}/v4/...}: seed 002's users orchestrator, new (camelCase) model. Only locators. */
public final class V4Api extends SeedResource {

    V4Api(KeycloakSession session) {
        super(session, SeedEnvelope.ORCHESTRATOR);
    }

    @Path("Users")
    public PasswordlessUsersResource users() {
        return new PasswordlessUsersResource(session, CaseStyle.CAMEL, "createPasswordlessUser");
    }
}
