package dev.lanyard.account;

import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.models.UserModel;

/**
 * An account registered but not activated yet: Keycloak's user with the required action
 * {@value #REQUIRED_ACTION}, so every sign-in stops until the activation link is followed (the browser shows
 * why, the token endpoint refuses an account not fully set up, Lanyard's site logins answer
 * ACCOUNT_NOT_ACTIVATED). An admin activates by removing the action in the admin console.
 */
public final class Activation {

    public static final String REQUIRED_ACTION = "lanyard-activation";

    private Activation() {
    }

    public static boolean isPending(UserModel user) {
        return user.getRequiredActionsStream().anyMatch(REQUIRED_ACTION::equals);
    }

    /** Whether the realm enabled the required action; registration is refused otherwise (nothing would hold the account). */
    public static boolean enabledIn(RealmModel realm) {
        RequiredActionProviderModel action = realm.getRequiredActionProviderByAlias(REQUIRED_ACTION);
        return action != null && action.isEnabled();
    }

    public static void markPending(UserModel user) {
        user.setEmailVerified(false);
        user.addRequiredAction(REQUIRED_ACTION);
    }

    /** The link was followed: the mailbox is the person's, and they may sign in. */
    public static void complete(UserModel user) {
        user.setEmailVerified(true);
        user.removeRequiredAction(REQUIRED_ACTION);
        user.removeRequiredAction(UserModel.RequiredAction.VERIFY_EMAIL);
    }
}
