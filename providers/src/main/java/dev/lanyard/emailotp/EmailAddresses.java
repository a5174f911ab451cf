package dev.lanyard.emailotp;

import dev.lanyard.account.People;
import dev.lanyard.rest.ApiError;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.utils.EmailValidationUtil;

/** Email syntax and user lookup as Lanyard's email paths (codes, passcodes, registration) need them. */
public final class EmailAddresses {

    public static final String INVALID_EMAIL = "INVALID_EMAIL";

    private EmailAddresses() {
    }

    /** Passes a well-formed address, or refuses the request's field {@code email} with 400 {@value #INVALID_EMAIL}. */
    public static void requireValid(String email) {
        if (!isValid(email)) {
            throw ApiError.badRequest(INVALID_EMAIL, "The field 'email' is not a valid email address.");
        }
    }

    public static boolean isValid(String email) {
        return email != null && EmailValidationUtil.isValidEmail(email);
    }

    /** The person an identifier names: email, username or alias ({@link People#byIdentifier}). */
    public static UserModel findUser(KeycloakSession session, RealmModel realm, String identifier) {
        return People.byIdentifier(session, realm, identifier);
    }
}
