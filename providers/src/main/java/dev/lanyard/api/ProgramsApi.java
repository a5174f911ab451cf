package dev.lanyard.api;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import dev.lanyard.program.AccountsResource;
import dev.lanyard.rest.SeedEnvelope;
import dev.lanyard.rest.SeedResource;
import org.keycloak.models.KeycloakSession;

/** {@code /realms/{realm}/programs/...}: seed 004's programs, accounts and users. Locates the resource; answers nothing itself. */
public final class ProgramsApi extends SeedResource {

    ProgramsApi(KeycloakSession session) {
        super(session, SeedEnvelope.BANKING);
    }

    @Path("{programCode}/accounts")
    public AccountsResource accounts(@PathParam("programCode") String programCode) {
        return new AccountsResource(session, programCode);
    }
}
