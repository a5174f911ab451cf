package dev.lanyard.totp;

import java.util.List;

import dev.lanyard.LanyardProviderFactory;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.provider.ProviderConfigProperty;

/** Metadata of the TOTP step; the logic is in {@link TotpStepAuthenticator}. */
public final class TotpStepAuthenticatorFactory implements AuthenticatorFactory, LanyardProviderFactory<Authenticator> {

    public static final String PROVIDER_ID = "lanyard-totp";

    private static final TotpStepAuthenticator SINGLETON = new TotpStepAuthenticator();

    private static final AuthenticationExecutionModel.Requirement[] REQUIREMENT_CHOICES = {
            AuthenticationExecutionModel.Requirement.REQUIRED,
            AuthenticationExecutionModel.Requirement.DISABLED
    };

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Lanyard TOTP";
    }

    @Override
    public String getHelpText() {
        return "Second factor: asks users with an authenticator app for its code (Keycloak's OTP form and the realm's"
                + " OTP policy); users without one pass, or must enroll when the step requires it. Its settings also govern"
                + " the REST MFA endpoints (/user/mfa/totp) and the REST site logins of clients using this flow.";
    }

    @Override
    public String getReferenceCategory() {
        return OTPCredentialModel.TYPE;
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return REQUIREMENT_CHOICES;
    }

    @Override
    public boolean isUserSetupAllowed() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return TotpSettingsProperties.PROPERTIES;
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
    }
}
