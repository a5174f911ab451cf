package dev.lanyard.totp;

import static dev.lanyard.totp.TotpSettings.*;

import java.util.List;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The Lanyard TOTP step's settings as the admin console shows them, with their help texts. */
final class TotpSettingsProperties {

    static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property()
                .name(REQUIRE_ENROLLMENT)
                .label("Require TOTP for everyone")
                .helpText("On: users without an authenticator app must set one up at this step (Keycloak's 'Configure OTP'"
                        + " required action), and REST site logins refuse them until they have. Off: only users who enrolled"
                        + " a device are asked for a code. Put the step in a client's flow override to require it for one site only.")
                .type(ProviderConfigProperty.BOOLEAN_TYPE)
                .defaultValue("false")
                .add()
            .property()
                .name(SETUP_LIFETIME_SECONDS)
                .label("Setup lifetime (seconds)")
                .helpText("How long a secret from POST /user/mfa/totp/setup waits for its enrollment, in seconds (" + MIN_SETUP_LIFETIME_SECONDS
                        + " to " + MAX_SETUP_LIFETIME_SECONDS + "). After it, the user starts the setup again.")
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(Integer.toString(DEFAULT_SETUP_LIFETIME_SECONDS))
                .add()
            .property()
                .name(ALLOW_SEVERAL_DEVICES)
                .label("Allow several devices")
                .helpText("On: an enrolled user may enroll further authenticator apps through the REST setup (each with its own"
                        + " device name). Off: the REST setup is refused once a device is enrolled; remove it first.")
                .type(ProviderConfigProperty.BOOLEAN_TYPE)
                .defaultValue("false")
                .add()
            .build();

    private TotpSettingsProperties() {
    }
}
