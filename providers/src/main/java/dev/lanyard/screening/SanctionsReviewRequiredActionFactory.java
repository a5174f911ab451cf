package dev.lanyard.screening;

import dev.lanyard.LanyardProviderFactory;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;

/**
 * Required action {@value SanctionsReviewRequiredAction#ID} ("Sanctions review hold"). Enabled in a realm
 * (Authentication → Required actions), a potential OFAC match blocks the person's sign-ins until an admin
 * resolves it; disabled, potential matches are only flagged.
 */
public final class SanctionsReviewRequiredActionFactory implements RequiredActionFactory, LanyardProviderFactory<RequiredActionProvider> {

    private static final SanctionsReviewRequiredAction SINGLETON = new SanctionsReviewRequiredAction();

    @Override
    public String getId() {
        return SanctionsReviewRequiredAction.ID;
    }

    @Override
    public String getDisplayText() {
        return "Sanctions review hold";
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return SINGLETON;
    }
}
