package dev.lanyard.emailotp;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.utils.EmailValidationUtil;

/** Email syntax and user lookup as the passwordless paths need them. */
public final class EmailAddresses {

    private EmailAddresses() {
    }

    public static boolean isValid(String email) {
        return email != null && EmailValidationUtil.isValidEmail(email);
    }

    /**
     * The user an identifier names: by email when it looks like one (the address is what email sign-in
     * is about, whatever the realm's "login with email" switch says), else by username. Keycloak
     * matches both case-insensitively. An address shared by several users names nobody.
     */
    public static UserModel findUser(KeycloakSession session, RealmModel realm, String identifier) {
        try {
            if (identifier.indexOf('@') >= 0) {
                UserModel byEmail = session.users().getUserByEmail(realm, identifier);
                if (byEmail != null) {
                    return byEmail;
                }
            }
            return session.users().getUserByUsername(realm, identifier);
        } catch (ModelDuplicateException e) {
            return null;
        }
    }
}
