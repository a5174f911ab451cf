package dev.lanyard.rest;

import jakarta.ws.rs.core.HttpHeaders;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;

/**
 * Verifies the request's bearer token with Keycloak's own verifier (signature, expiry, issuer = this
 * realm, session still valid). A token of another realm fails the issuer check: 401, as if absent.
 * An authenticated request whose tenant header names another tenant is refused here too
 * ({@link Tenants}), so every Lanyard endpoint that authenticates checks it.
 */
public final class BearerAuth {

    private BearerAuth() {
    }

    public static Caller authenticate(KeycloakSession session) {
        String header = session.getContext().getRequestHeaders().getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            throw ApiError.unauthorized(ErrorCodes.UNAUTHORIZED, "A bearer token is required.");
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            throw ApiError.unauthorized(ErrorCodes.UNAUTHORIZED, "The Authorization header must carry a bearer token.");
        }
        AuthResult result;
        try {
            result = new AppAuthManager.BearerTokenAuthenticator(session).authenticate();
        } catch (RuntimeException e) {
            // The verifier throws for malformed headers and tokens; the caller only needs to know it was refused.
            result = null;
        }
        if (result == null || result.token() == null || result.client() == null) {
            throw ApiError.unauthorized(ErrorCodes.INVALID_TOKEN,
                    "The bearer token is invalid, expired, or not issued by this realm.");
        }
        Caller caller = new Caller(result.token(), result.client(), result.user(), result.session());
        session.setAttribute(Caller.ATTRIBUTE, caller);
        Tenants.requireThisRealm(session.getContext().getRealm(), session.getContext().getRequestHeaders());
        return caller;
    }
}
