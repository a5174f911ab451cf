package dev.lanyard.entitlement;

import dev.lanyard.rest.ApiError;
import dev.lanyard.rest.BearerAuth;
import dev.lanyard.rest.Caller;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

/**
 * Seed 003's entitlements: realm roles of the same name (RESET_PASSWORD, CHANGE_PIN_PASSWORD, ...) that the seed's
 * roles (CONSUMER, SHOPPER, ...) hold as composites, so Keycloak's role mappings, groups and admin console manage
 * them. They are checked on the caller: a person's token names that person, a client-credentials token its service
 * account. A realm role is an entitlement when it has the role attribute {@value #ATTRIBUTE} = true.
 */
public final class Entitlements {

    public static final String ATTRIBUTE = "lanyard.entitlement";

    public static final String RESET_PASSWORD = "RESET_PASSWORD";
    public static final String RESET_PIN = "RESET_PIN";
    public static final String GET_TEMPORARY_PASSWORD = "GET_TEMPORARY_PASSWORD";
    public static final String GET_TEMPORARY_PIN = "GET_TEMPORARY_PIN";
    public static final String CHANGE_PIN_PASSWORD = "CHANGE_PIN_PASSWORD";
    public static final String DEREGISTER_ACCOUNT = "DEREGISTER_ACCOUNT";
    public static final String ADDSECURITYANSWER = "ADDSECURITYANSWER";
    /** Tenant admins (seed 003 "Client..." sections): the tenant's info, its persons, their status, their resets. */
    public static final String ADMIN_MANAGE_CLIENT = "ADMIN_MANAGE_CLIENT";
    public static final String ADMIN_MANAGE_CLIENT_USER = "ADMIN_MANAGE_CLIENT_USER";
    public static final String ADMIN_MANAGE_CLIENT_USER_ROLE = "ADMIN_MANAGE_CLIENT_USER_ROLE";
    /** A person's status (lock, unlock, status); with DEREGISTER_ACCOUNT, also closes another person's account. */
    public static final String ADMIN_MANAGE_CLIENT_USER_STATUS = "ADMIN_MANAGE_CLIENT_USER_STATUS";
    public static final String ADMIN_RESET_USER_PASSWORD = "ADMIN_RESET_USER_PASSWORD";
    public static final String ADMIN_RESET_USER_PIN = "ADMIN_RESET_USER_PIN";
    /** The tenant's roles (seed 003 ClientRole): list, create, read, update, delete. */
    public static final String ADMIN_MANAGE_CLIENT_ROLE = "ADMIN_MANAGE_CLIENT_ROLE";
    /** The list of the tenant's entitlements with their numbers. */
    public static final String ADMIN_MANAGE_ENTITLEMENT = "ADMIN_MANAGE_ENTITLEMENT";
    /** The tenant's security questions: add, reword, retire. */
    public static final String ADMIN_MANAGE_SECURITY_QUESTION = "ADMIN_MANAGE_SECURITY_QUESTION";

    /** The seed's header naming the calling application. */
    public static final String API_KEY_HEADER = "api-key";
    public static final String API_KEY_MISMATCH = "API_KEY_MISMATCH";
    public static final String NOT_ENTITLED = "NOT_ENTITLED";

    private Entitlements() {
    }

    /**
     * The verified caller of a seed 003 operation ({@link BearerAuth}); an {@code api-key} header, when sent, must be the
     * client the token was issued to ({@code azp}): 401 otherwise.
     */
    public static Caller authenticate(KeycloakSession session) {
        Caller caller = BearerAuth.authenticate(session);
        String apiKey = session.getContext().getRequestHeaders().getHeaderString(API_KEY_HEADER);
        if (apiKey != null && !apiKey.equals(caller.token().getIssuedFor())) {
            throw ApiError.unauthorized(API_KEY_MISMATCH, "The api-key header must be the client id the token was issued to.");
        }
        return caller;
    }

    public static boolean holds(RealmModel realm, UserModel user, String entitlement) {
        RoleModel role = realm.getRole(entitlement);
        return user != null && role != null && user.hasRole(role);
    }

    /** 403 unless the caller (person or service account) holds {@code entitlement}. */
    public static void require(RealmModel realm, Caller caller, String entitlement) {
        if (!holds(realm, caller.user(), entitlement)) {
            throw ApiError.forbidden(NOT_ENTITLED, "This operation takes the entitlement " + entitlement + ".");
        }
    }

    /** A person's own token, holding {@code entitlement} (null: none needed). */
    public static Caller person(KeycloakSession session, RealmModel realm, String entitlement) {
        Caller caller = authenticate(session).requirePerson();
        if (entitlement != null) {
            require(realm, caller, entitlement);
        }
        return caller;
    }

    /** A tenant admin: a user or service account of the realm holding {@code entitlement}. */
    public static Caller admin(KeycloakSession session, RealmModel realm, String entitlement) {
        Caller caller = authenticate(session);
        require(realm, caller, entitlement);
        return caller;
    }

    /** A site's or partner's client-credentials token, holding {@code entitlement} (null: none needed). */
    public static Caller application(KeycloakSession session, RealmModel realm, String entitlement) {
        Caller caller = authenticate(session).requireServiceAccount();
        if (entitlement != null) {
            require(realm, caller, entitlement);
        }
        return caller;
    }
}
