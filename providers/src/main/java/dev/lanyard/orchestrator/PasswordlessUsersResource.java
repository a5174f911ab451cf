package dev.lanyard.orchestrator;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.lanyard.rest.BearerAuth;
import dev.lanyard.rest.Caller;
import dev.lanyard.rest.Endpoints;
import dev.lanyard.rest.JsonBody;
import dev.lanyard.rest.PostResource;
import dev.lanyard.rest.SeedEnvelope;
import org.keycloak.models.KeycloakSession;

/**
 * Seed 002's passwordless creation, {@code POST /v4/Users} (camelCase) and {@code POST /User/Passwordless} (the old
 * PascalCase model), answered in the request's model. The caller is a site: a client-credentials token of the client
 * whose paper and client group the headers name.
 */
public final class PasswordlessUsersResource extends PostResource {

    private final CaseStyle style;
    private final String operation;

    public PasswordlessUsersResource(KeycloakSession session, CaseStyle style, String operation) {
        super(session, SeedEnvelope.ORCHESTRATOR);
        this.style = style;
        this.operation = operation;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(@Context HttpHeaders headers, String rawBody) {
        return run(operation, rawBody, () -> {
            Caller caller = BearerAuth.authenticate(session).requireServiceAccount();
            TenantHeaders tenant = TenantHeaders.read(headers);
            tenant.requireSite(caller.client());
            PasswordlessUserRequest request = PasswordlessUserRequest.read(
                    JsonBody.parse(headers, rawBody, PasswordlessUserRequest.fields(style)), style);
            return Endpoints.json(201, style.answer(new UsersOrchestrator(session, realm).create(caller.client(), tenant, request)));
        });
    }
}
