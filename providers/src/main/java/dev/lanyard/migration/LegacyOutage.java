package dev.lanyard.migration;

import java.util.function.Supplier;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * After the legacy service fails once, every node stops calling it for the cooldown and fails fast
 * instead: no retry storm against a service that is down, no sign-in waiting out a timeout each.
 * The mark lives in Keycloak's single-use-object store, so the whole cluster shares it.
 */
final class LegacyOutage {

    private static final String PREFIX = "lanyard-legacy-outage:";

    private LegacyOutage() {
    }

    /** Calls the directory unless an outage is marked; a failure marks one. */
    static <T> T guarded(KeycloakSession session, String componentId, LegacySettings settings, Supplier<T> call) {
        // Keyed by the URL too: an admin who points the federation at a working service need not wait out the cooldown.
        String key = PREFIX + componentId + ":" + settings.baseUrl();
        SingleUseObjectProvider store = session.singleUseObjects();
        if (store.contains(key)) {
            throw new LegacyUnavailableException("The legacy auth service is in its outage cooldown");
        }
        try {
            return call.get();
        } catch (LegacyUnavailableException e) {
            if (settings.outageCooldownSeconds() > 0) {
                store.putIfAbsent(key, settings.outageCooldownSeconds());
            }
            throw e;
        }
    }
}
