package dev.lanyard.site;

import java.util.Map;
import java.util.Optional;

import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationFlowBindings;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;

/**
 * A site's settings for a Lanyard step come from that step in the browser flow the site uses (its
 * flow override, else the realm's browser flow): an admin configures a feature once, in the flow, and
 * the site's REST endpoints follow it.
 */
public final class SiteFlows {

    private static final int MAX_FLOW_DEPTH = 16;

    private SiteFlows() {
    }

    /**
     * The config of the first enabled {@code providerId} step in the site's browser flow: empty when
     * the flow has no such step, an empty map when the step has no config (defaults apply).
     */
    public static Optional<Map<String, String>> stepConfig(RealmModel realm, ClientModel site, String providerId) {
        String flowId = site.getAuthenticationFlowBindingOverride(AuthenticationFlowBindings.BROWSER_BINDING);
        AuthenticationFlowModel flow = flowId != null ? realm.getAuthenticationFlowById(flowId) : null;
        if (flow == null) {
            flow = realm.getBrowserFlow();
        }
        if (flow == null) {
            return Optional.empty();
        }
        return find(realm, flow.getId(), providerId, 0).map(execution -> {
            AuthenticatorConfigModel config = execution.getAuthenticatorConfig() == null
                    ? null : realm.getAuthenticatorConfigById(execution.getAuthenticatorConfig());
            return config == null || config.getConfig() == null ? Map.of() : config.getConfig();
        });
    }

    private static Optional<AuthenticationExecutionModel> find(RealmModel realm, String flowId, String providerId, int depth) {
        if (depth > MAX_FLOW_DEPTH) {
            return Optional.empty();
        }
        return realm.getAuthenticationExecutionsStream(flowId)
                .filter(execution -> !execution.isDisabled())
                .map(execution -> execution.isAuthenticatorFlow()
                        ? find(realm, execution.getFlowId(), providerId, depth + 1)
                        : Optional.of(execution).filter(e -> providerId.equals(e.getAuthenticator())))
                .flatMap(Optional::stream)
                .findFirst();
    }
}
