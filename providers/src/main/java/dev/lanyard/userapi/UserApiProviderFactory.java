package dev.lanyard.userapi;

import java.util.List;

import dev.lanyard.LanyardProviderFactory;
import dev.lanyard.revalidation.RevalidationWorker;
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
 * Serves the seed 000 user API at {@code /realms/{realm}/user}. The id is the URL segment the seed
 * fixes, hence not {@code lanyard-} prefixed like Lanyard's other providers. Also schedules the batch
 * revalidation worker on every node; options ({@code --spi-realm-restapi-extension--user--<name>}):
 * {@code revalidation-interval-seconds} (2), {@code revalidation-chunk-size} (100 people a transaction),
 * {@code revalidation-run-seconds} (20, how long one run may last).
 */
public final class UserApiProviderFactory implements RealmResourceProviderFactory, LanyardProviderFactory<RealmResourceProvider> {

    public static final String ID = "user";

    private long intervalMillis;
    private int chunkSize;
    private long runBudgetMillis;

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public void init(Config.Scope config) {
        intervalMillis = Math.max(1, config.getInt("revalidation-interval-seconds", 2)) * 1000L;
        chunkSize = Math.max(1, Math.min(1000, config.getInt("revalidation-chunk-size", 100)));
        runBudgetMillis = Math.max(1, config.getInt("revalidation-run-seconds", 20)) * 1000L;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name("revalidation-interval-seconds").type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(2)
                .helpText("How often a node looks for queued batch revalidations (one node at a time).").add()
                .property().name("revalidation-chunk-size").type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(100)
                .helpText("People revalidated per transaction (1-1000). Smaller chunks hold row locks for less time when MOE is slow.").add()
                .property().name("revalidation-run-seconds").type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(20)
                .helpText("How long one run keeps taking chunks before it yields Keycloak's shared timer thread.").add()
                .build();
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                KeycloakModelUtils.runJobInTransaction(factory, session -> session.getProvider(TimerProvider.class).schedule(
                        new ClusterAwareScheduledTaskRunner(factory, new RevalidationWorker(chunkSize, runBudgetMillis), intervalMillis),
                        intervalMillis, RevalidationWorker.TASK_NAME));
            } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
                RevalidationWorker.deleteRealm(removed.getKeycloakSession(), removed.getRealm().getId());
            }
        });
    }

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        UserApiResource resource = new UserApiResource(session);
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
