package dev.lanyard.testing;

import java.util.HashMap;
import java.util.Map;

import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * The demo realm's email OTP step, as an admin changes it in the console (Authentication → flow →
 * step settings). Changes are undone after the test method.
 */
public final class EmailOtpStep {

    private static final String FORMS_FLOW = "lanyard browser forms";

    private EmailOtpStep() {
    }

    public static void configure(ManagedRealm realm, Map<String, String> settings) {
        String configId = realm.admin().flows().getExecutions(FORMS_FLOW).stream()
                .filter(e -> "lanyard-email-otp".equals(e.getProviderId()))
                .map(AuthenticationExecutionInfoRepresentation::getAuthenticationConfig)
                .findFirst()
                .orElseThrow(() -> new AssertionError("No email OTP step in " + FORMS_FLOW));
        AuthenticatorConfigRepresentation config = realm.admin().flows().getAuthenticatorConfig(configId);
        Map<String, String> original = new HashMap<>(config.getConfig());
        config.getConfig().putAll(settings);
        realm.admin().flows().updateAuthenticatorConfig(configId, config);
        realm.cleanup().add(r -> {
            AuthenticatorConfigRepresentation restored = r.flows().getAuthenticatorConfig(configId);
            restored.setConfig(original);
            r.flows().updateAuthenticatorConfig(configId, restored);
        });
    }
}
