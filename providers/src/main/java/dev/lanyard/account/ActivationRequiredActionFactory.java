package dev.lanyard.account;

import dev.lanyard.LanyardProviderFactory;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;

/**
 * Required action {@value Activation#REQUIRED_ACTION} ("Account activation (Lanyard)"): held by accounts registered
 * through {@code POST /user/registration} until their activation link is followed. Enable it in a realm
 * (Authentication → Required actions) to allow those registrations.
 */
public final class ActivationRequiredActionFactory implements RequiredActionFactory, LanyardProviderFactory<RequiredActionProvider> {

    private static final ActivationRequiredAction SINGLETON = new ActivationRequiredAction();

    @Override
    public String getId() {
        return Activation.REQUIRED_ACTION;
    }

    @Override
    public String getDisplayText() {
        return "Account activation (Lanyard)";
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return SINGLETON;
    }
}
