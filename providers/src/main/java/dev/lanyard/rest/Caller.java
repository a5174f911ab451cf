package dev.lanyard.rest;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.representations.AccessToken;

/**
 * Who called an endpoint, from a bearer token Keycloak verified for this realm: the token, the
 * client it was issued to, its subject (a person, or a client's service-account user) and, for a
 * person, the user session the token belongs to.
 */
public record Caller(AccessToken token, ClientModel client, UserModel user, UserSessionModel userSession) {

    /** Session attribute holding the request's verified caller, for the audit of the call. */
    public static final String ATTRIBUTE = "lanyard.caller";

    /** A client-credentials token: the subject is the client's service account, not a person. */
    public boolean isServiceAccount() {
        return user != null && user.getServiceAccountClientLink() != null;
    }

    public Set<String> scopes() {
        String scope = token.getScope();
        if (scope == null || scope.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(scope.trim().split("\\s+")).collect(Collectors.toUnmodifiableSet());
    }

    /** Partner and site endpoints: only a client-credentials token will do. */
    public Caller requireServiceAccount() {
        if (!isServiceAccount()) {
            throw ApiError.forbidden(ErrorCodes.CLIENT_TOKEN_REQUIRED,
                    "This endpoint takes a client-credentials token of a site or partner client, not a user's token.");
        }
        return this;
    }

    /** Self-service endpoints: the caller is a person, acting on their own account. */
    public Caller requirePerson() {
        if (user == null || isServiceAccount()) {
            throw ApiError.forbidden(ErrorCodes.USER_TOKEN_REQUIRED,
                    "This endpoint acts on the signed-in user and takes that user's access token, not a client's.");
        }
        return this;
    }

    /**
     * The caller (a user or a service account of the realm) must hold this role of the realm-management client,
     * Keycloak's own permission for the same work (view-events, manage-users); 403 {@code code} otherwise.
     */
    public Caller requireRealmManagementRole(RealmModel realm, String role, String code, String message) {
        ClientModel management = realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID);
        RoleModel required = management == null ? null : management.getRole(role);
        if (user == null || required == null || !user.hasRole(required)) {
            throw ApiError.forbidden(code, message);
        }
        return this;
    }

    /** A seed scope (a client scope of the same name) must be in the token's {@code scope} claim. */
    public Caller requireScope(String scope) {
        if (!scopes().contains(scope)) {
            throw ApiError.forbidden(ErrorCodes.INSUFFICIENT_SCOPE, "The token lacks the scope " + scope + ".");
        }
        return this;
    }
}
