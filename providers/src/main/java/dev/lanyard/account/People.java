package dev.lanyard.account;

import dev.lanyard.alias.AliasProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The person a sign-in names, the same way on every Lanyard path: by email, username or login alias. Keycloak's
 * user store answers the first two (case-insensitively; a person still in the legacy system is found there and
 * imported), Lanyard's alias table the third.
 */
public final class People {

    private People() {
    }

    /** An address several accounts share names nobody. */
    public static UserModel byEmail(KeycloakSession session, RealmModel realm, String email) {
        try {
            return session.users().getUserByEmail(realm, email);
        } catch (ModelDuplicateException shared) {
            return null;
        }
    }

    public static UserModel byUsername(KeycloakSession session, RealmModel realm, String username) {
        return session.users().getUserByUsername(realm, username);
    }

    public static UserModel byAlias(KeycloakSession session, RealmModel realm, String alias) {
        AliasProvider aliases = session.getProvider(AliasProvider.class);
        return aliases == null ? null : aliases.findUser(realm, alias);
    }

    /**
     * What a person typed in one field: an email when it looks like one (the address is what email sign-in is about,
     * whatever the realm's "login with email" switch says), else their username, else one of their aliases.
     */
    public static UserModel byIdentifier(KeycloakSession session, RealmModel realm, String identifier) {
        if (identifier.indexOf('@') >= 0) {
            UserModel byEmail = byEmail(session, realm, identifier);
            if (byEmail != null) {
                return byEmail;
            }
        }
        UserModel byUsername = byUsername(session, realm, identifier);
        return byUsername != null ? byUsername : byAlias(session, realm, identifier);
    }
}
