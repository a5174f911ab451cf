package dev.lanyard.person;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.lanyard.entitlement.Entitlements;
import dev.lanyard.rest.Caller;
import dev.lanyard.rest.Endpoints;
import dev.lanyard.rest.SeedEnvelope;
import dev.lanyard.rest.SeedResource;
import dev.lanyard.rest.Tenants;
import dev.lanyard.rest.Unmatched;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * Seed 003 "Close user account" at {@code DELETE /auth/api/deregister/{uuid}}. The person themself (their own token,
 * holding DEREGISTER_ACCOUNT, which CONSUMER has), or a tenant admin: a user or service account of the realm holding
 * DEREGISTER_ACCOUNT and ADMIN_MANAGE_CLIENT_USER_STATUS. Closing disables the account, ends its sessions and offline
 * tokens, removes its credentials and marks it CLOSED; the person, its uuid and its audit trail stay, so nobody can
 * sign in, reset or register again under that uuid until an admin acts.
 */
public final class DeregisterResource extends SeedResource {


    public DeregisterResource(KeycloakSession session) {
        super(session, SeedEnvelope.AUTH_SERVICE);
    }

    @DELETE
    @Path("{uuid}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response close(@PathParam("uuid") String uuid) {
        return run("deregister", null, () -> {
            Caller caller = Entitlements.authenticate(session);
            Entitlements.require(realm, caller, Entitlements.DEREGISTER_ACCOUNT);
            PersonRecords records = new PersonRecords(session);
            boolean self = !caller.isServiceAccount() && caller.user() != null && records.uuidOf(caller.user()).equals(uuid);
            if (!self) {
                // Decided before any lookup: who is not a tenant admin learns nothing about other uuids.
                Entitlements.require(realm, caller, Entitlements.ADMIN_MANAGE_CLIENT_USER_STATUS);
            }
            Tenants.requireTenantHeader(session.getContext().getRequestHeaders());
            UserModel person = records.require(realm, uuid);
            new PersonStatuses(session, realm).close(person);
            return Endpoints.json(200, SeedEnvelope.authServiceSuccess(realm.getName(), null));
        });
    }

    @Override
    @DELETE
    @Unmatched
    @Path(NOT_ONE_SEGMENT)
    public Response unmatchedDelete(@PathParam("unmatched") String path) {
        return unmatched(path, HttpMethod.DELETE);
    }
}
