package dev.lanyard.emailotp;

import java.util.List;
import dev.lanyard.LanyardProviderFactory;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

/** Metadata of the email one-time-code step; the logic is in {@link EmailOtpAuthenticator}. */
public final class EmailOtpAuthenticatorFactory implements AuthenticatorFactory, LanyardProviderFactory<Authenticator> {

    public static final String PROVIDER_ID = "lanyard-email-otp";

    private static final EmailOtpAuthenticator SINGLETON = new EmailOtpAuthenticator();

    private static final AuthenticationExecutionModel.Requirement[] REQUIREMENT_CHOICES = {
            AuthenticationExecutionModel.Requirement.REQUIRED,
            AuthenticationExecutionModel.Requirement.ALTERNATIVE,
            AuthenticationExecutionModel.Requirement.DISABLED
    };

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Lanyard Email OTP";
    }

    @Override
    public String getHelpText() {
        return "Passwordless sign-in: identifies the user by email or username (unless an earlier step did),"
                + " mails a one-time code and checks it. Unknown addresses get the same pages and no mail."
                + " The REST passwordless login of a site uses the settings of this step in the site's browser flow.";
    }

    @Override
    public String getReferenceCategory() {
        // Failed codes count in the brute-force detector, which only counts known categories.
        return EmailOtpService.CREDENTIAL_CATEGORY;
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
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return EmailOtpConfigProperties.PROPERTIES;
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
    }
}
