package dev.lanyard.screening;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;

/**
 * The hold on a person whose screening is a potential match: every sign-in stops at a page that says
 * the account is under review, until an admin resolves the screening. Only the screening sets it.
 */
public final class SanctionsReviewRequiredAction implements RequiredActionProvider {

    public static final String ID = "lanyard-sanctions-review";
    static final String MESSAGE = "lanyardSanctionsReview";

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        // set by the screening, never by a sign-in
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        context.challenge(context.form().setInfo(MESSAGE).createInfoPage());
    }

    @Override
    public void processAction(RequiredActionContext context) {
        requiredActionChallenge(context);
    }

    @Override
    public void close() {
    }
}
