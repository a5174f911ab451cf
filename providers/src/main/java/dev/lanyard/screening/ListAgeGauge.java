package dev.lanyard.screening;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * {@code lanyard_sdn_list_age_seconds}: how long ago the SDN list version in use was stored, read from the database at
 * each scrape (one aggregate over the few stored versions, never the list itself), so every node reports the cluster's list. NaN before a
 * list was ever stored.
 */
final class ListAgeGauge {

    static final String NAME = "lanyard.sdn.list.age";

    private ListAgeGauge() {
    }

    static void register(KeycloakSessionFactory factory) {
        Gauge.builder(NAME, factory, ListAgeGauge::ageSeconds).baseUnit("seconds").strongReference(true)
                .description("Seconds since the SDN list in use was stored").register(Metrics.globalRegistry);
    }

    private static double ageSeconds(KeycloakSessionFactory factory) {
        try {
            Long loadedAt = KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> session
                    .getProvider(JpaConnectionProvider.class).getEntityManager()
                    .createQuery("select max(l.loadedAt) from SanctionsListEntity l", Long.class).getSingleResult());
            return loadedAt == null ? Double.NaN : Math.max(0, Time.currentTimeMillis() - loadedAt) / 1000.0;
        } catch (RuntimeException unreadable) {
            return Double.NaN; // a scrape never fails for it
        }
    }
}
