package dev.lanyard.account;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;

/** A browser sign-in of an account not activated yet stops at a page that says to follow the link in the activation mail. */
final class ActivationRequiredAction implements RequiredActionProvider {

    static final String MESSAGE = "lanyardActivationPending";

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        // set by registration only
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        context.challenge(context.form().setInfo(MESSAGE, context.getUser().getEmail()).createInfoPage());
    }

    @Override
    public void processAction(RequiredActionContext context) {
        requiredActionChallenge(context);
    }

    @Override
    public void close() {
    }
}
