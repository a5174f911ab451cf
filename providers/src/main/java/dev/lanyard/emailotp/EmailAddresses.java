package dev.lanyard.emailotp;

import dev.lanyard.account.People;
import org.keycloak.models.KeycloakSession;
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

    /** The person an identifier names: email, username or alias ({@link People#byIdentifier}). */
    public static UserModel findUser(KeycloakSession session, RealmModel realm, String identifier) {
        return People.byIdentifier(session, realm, identifier);
    }
}
