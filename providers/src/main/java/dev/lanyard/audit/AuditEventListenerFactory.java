package dev.lanyard.audit;

import java.util.List;

import dev.lanyard.ClusterTasks;
import dev.lanyard.LanyardProviderFactory;
import org.keycloak.Config;
import org.keycloak.common.util.Time;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.timer.ScheduledTask;

/**
 * Event listener {@code lanyard-audit}. Server options: {@code --spi-events-listener--lanyard-audit--retention-days}
 * (default 365; 0 keeps records for ever) and {@code ...--purge-interval-minutes} (default 60). The purge runs on one
 * node at a time (Keycloak's cluster-aware task runner).
 */
public final class AuditEventListenerFactory implements EventListenerProviderFactory, LanyardProviderFactory<EventListenerProvider> {

    public static final String ID = "lanyard-audit";
    static final String PURGE_TASK = "lanyard-audit-purge";

    private int retentionDays;
    private long purgeIntervalMillis;

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new AuditEventListener(session);
    }

    @Override
    public void init(Config.Scope config) {
        retentionDays = Math.max(0, config.getInt("retention-days", 365));
        purgeIntervalMillis = Math.max(1, config.getInt("purge-interval-minutes", 60)) * 60_000L;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name("retention-days").type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(365)
                .helpText("Days an audit record and its HTTP log are kept; 0 keeps them for ever.").add()
                .property().name("purge-interval-minutes").type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(60)
                .helpText("How often one node deletes what is past the retention.").add()
                .build();
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof PostMigrationEvent && retentionDays > 0) {
                ScheduledTask purge = new ScheduledTask() {
                    @Override
                    public void run(KeycloakSession session) {
                        new AuditStore(session).purgeOlderThan(Time.currentTimeMillis() - retentionDays * 86_400_000L);
                    }

                    @Override
                    public String getTaskName() {
                        return PURGE_TASK;
                    }
                };
                ClusterTasks.schedule(factory, purge, purgeIntervalMillis);
            } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
                new AuditStore(removed.getKeycloakSession()).deleteRealm(removed.getRealm().getId());
            }
        });
    }
}
