package dev.lanyard.registration;

import org.keycloak.authentication.actiontoken.DefaultActionToken;

/**
 * The token of an activation link: a Keycloak action token of Lanyard's own type, signed by the realm, naming
 * the person (subject), their address when it was issued and the site (issued for). Spent once
 * ({@link Activations#spend}), whether followed in a browser or posted to {@code /user/activate-token/{userId}}.
 */
public class ActivationActionToken extends DefaultActionToken {

    public static final String TOKEN_TYPE = "lanyard-activate";

    public ActivationActionToken(String userId, int absoluteExpirationInSecs, String email, String siteClientId) {
        super(userId, TOKEN_TYPE, absoluteExpirationInSecs, null);
        setEmail(email);
        this.issuedFor = siteClientId;
    }

    /** For Keycloak's token reader. */
    private ActivationActionToken() {
    }
}
