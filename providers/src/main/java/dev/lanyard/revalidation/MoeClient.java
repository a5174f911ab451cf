package dev.lanyard.revalidation;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.http.client.config.RequestConfig;
import org.jboss.logging.Logger;
import org.keycloak.http.simple.SimpleHttp;
import org.keycloak.http.simple.SimpleHttpResponse;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * The MOE system, outside the product: revalidation syncs a person to it with one call,
 * {@code POST {moe-url}/users/sync}, through Keycloak's HTTP client and the configured timeout.
 */
final class MoeClient {

    private static final Logger LOG = Logger.getLogger(MoeClient.class);

    private final KeycloakSession session;
    private final RevalidationSettings settings;

    MoeClient(KeycloakSession session, RevalidationSettings settings) {
        this.session = session;
        this.settings = settings;
    }

    /** True when MOE took the person; false when it is not configured, refused or did not answer. */
    boolean sync(UserModel user, List<String> programCodes) {
        if (settings.moeUrl() == null) {
            return false;
        }
        int timeout = (int) settings.timeout().toMillis();
        RequestConfig timeouts = RequestConfig.custom().setConnectTimeout(timeout).setConnectionRequestTimeout(timeout)
                .setSocketTimeout(timeout).build();
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("uuid", user.getUsername());
        person.put("userId", user.getId());
        person.put("email", user.getEmail());
        person.put("firstName", user.getFirstName());
        person.put("lastName", user.getLastName());
        person.put("enabled", user.isEnabled());
        person.put("programCodes", programCodes);
        String url = settings.moeUrl().endsWith("/") ? settings.moeUrl() + "users/sync" : settings.moeUrl() + "/users/sync";
        try (SimpleHttpResponse response = SimpleHttp.create(session).withRequestConfig(timeouts).doPost(url).json(person).asResponse()) {
            if (response.getStatus() / 100 == 2) {
                return true;
            }
            LOG.warnf("MOE answered HTTP %d to a sync", response.getStatus());
            return false;
        } catch (IOException | RuntimeException e) {
            LOG.warnf("MOE did not answer a sync (%s)", e.getClass().getSimpleName());
            return false;
        }
    }
}
