package dev.lanyard.emailotp;

import java.util.Optional;

import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationFlowBindings;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;

/**
 * The email OTP settings that apply to a site: those of the {@code lanyard-email-otp} step in the
 * browser flow the site uses (its flow override, else the realm's browser flow). An admin configures
 * passwordless sign-in once, in the flow, and the REST path follows; a site whose flow has no enabled
 * email OTP step does not offer passwordless login.
 */
final class EmailOtpSettings {

    private static final int MAX_FLOW_DEPTH = 16;

    private EmailOtpSettings() {
    }

    static Optional<EmailOtpConfig> forSite(RealmModel realm, ClientModel site) {
        String flowId = site.getAuthenticationFlowBindingOverride(AuthenticationFlowBindings.BROWSER_BINDING);
        AuthenticationFlowModel flow = flowId != null ? realm.getAuthenticationFlowById(flowId) : null;
        if (flow == null) {
            flow = realm.getBrowserFlow();
        }
        if (flow == null) {
            return Optional.empty();
        }
        return find(realm, flow.getId(), 0).map(execution -> {
            AuthenticatorConfigModel config = execution.getAuthenticatorConfig() == null
                    ? null : realm.getAuthenticatorConfigById(execution.getAuthenticatorConfig());
            return EmailOtpConfig.from(config == null ? null : config.getConfig());
        });
    }

    private static Optional<AuthenticationExecutionModel> find(RealmModel realm, String flowId, int depth) {
        if (depth > MAX_FLOW_DEPTH) {
            return Optional.empty();
        }
        return realm.getAuthenticationExecutionsStream(flowId)
                .filter(execution -> !execution.isDisabled())
                .map(execution -> execution.isAuthenticatorFlow()
                        ? find(realm, execution.getFlowId(), depth + 1)
                        : Optional.of(execution).filter(e -> EmailOtpAuthenticatorFactory.PROVIDER_ID.equals(e.getAuthenticator())))
                .flatMap(Optional::stream)
                .findFirst();
    }
}
