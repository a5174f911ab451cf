package dev.lanyard.migration.batch;

import java.util.List;

import dev.lanyard.LanyardProviderFactory;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;
import org.keycloak.services.scheduled.ClusterAwareScheduledTaskRunner;
import org.keycloak.timer.TimerProvider;

/**
 * Serves seed 000's migration API at {@code /realms/{realm}/migrate} (the id is the URL segment the
 * seed fixes) and schedules the background worker on every node once Keycloak has started.
 * Options (e.g. {@code --spi-realm-restapi-extension--migrate--interval-seconds=5}): how often a
 * node looks for pending records, how many it takes per transaction, how long one run may last.
 */
public final class MigrateApiProviderFactory implements RealmResourceProviderFactory, LanyardProviderFactory<RealmResourceProvider> {

    public static final String ID = "migrate";

    private long intervalMillis;
    private int chunkSize;
    private long runBudgetMillis;

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public void init(Config.Scope config) {
        intervalMillis = Math.max(1, config.getInt("interval-seconds", 2)) * 1000L;
        chunkSize = Math.max(1, Math.min(1000, config.getInt("chunk-size", 200)));
        runBudgetMillis = Math.max(1, config.getInt("run-seconds", 20)) * 1000L;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name("interval-seconds").type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(2)
                .helpText("How often a node looks for pending migration records (one node at a time).").add()
                .property().name("chunk-size").type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(200)
                .helpText("People imported per transaction (1-1000). A chunk that fails is taken again one person at a time.").add()
                .property().name("run-seconds").type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(20)
                .helpText("How long one run keeps taking chunks before it yields Keycloak's shared timer thread.").add()
                .build();
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                KeycloakModelUtils.runJobInTransaction(factory, session -> session.getProvider(TimerProvider.class).schedule(
                        new ClusterAwareScheduledTaskRunner(factory, new MigrationWorker(chunkSize, runBudgetMillis), intervalMillis),
                        intervalMillis, MigrationWorker.TASK_NAME));
            } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
                new MigrationBatchStore(removed.getKeycloakSession()).deleteRealm(removed.getRealm().getId());
            }
        });
    }

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        MigrateApiResource resource = new MigrateApiResource(session);
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return resource;
            }

            @Override
            public void close() {
            }
        };
    }
}
