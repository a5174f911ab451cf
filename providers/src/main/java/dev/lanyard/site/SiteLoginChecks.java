package dev.lanyard.site;

import dev.lanyard.account.Activation;
import dev.lanyard.rest.ApiError;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.UserModel;

/**
 * What every REST site login asks of the account once its credential is right, with the same codes on every
 * path; a refusal is also the login event's error.
 */
public final class SiteLoginChecks {

    public static final String ACCOUNT_NOT_ACTIVATED = "ACCOUNT_NOT_ACTIVATED";
    public static final String ACCOUNT_SETUP_REQUIRED = "ACCOUNT_SETUP_REQUIRED";

    private SiteLoginChecks() {
    }

    /** 403 {@value #ACCOUNT_NOT_ACTIVATED} while the link of the activation mail is not followed. */
    public static void requireActivated(UserModel user, EventBuilder event) {
        if (Activation.isPending(user)) {
            event.error(Errors.NOT_ALLOWED);
            throw ApiError.forbidden(ACCOUNT_NOT_ACTIVATED, "The account is not activated yet: follow the link in the activation email.");
        }
    }

    /**
     * 403 {@value #ACCOUNT_SETUP_REQUIRED} while required actions wait: they need pages, so the person completes them
     * through the site's browser login (Keycloak's direct grant refuses such an account likewise).
     */
    public static void requireNoPendingActions(UserModel user, EventBuilder event) {
        if (user.getRequiredActionsStream().findAny().isPresent()) {
            event.error(Errors.RESOLVE_REQUIRED_ACTIONS);
            throw ApiError.forbidden(ACCOUNT_SETUP_REQUIRED,
                    "The account has pending actions (e.g. a password update); complete them through the site's browser login.");
        }
    }
}
