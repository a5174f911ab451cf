package dev.lanyard.migration.batch;

import java.util.ArrayList;
import java.util.List;

import dev.lanyard.WorkerOptions;
import dev.lanyard.rest.SeedApiProviderFactory;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Serves seed 000's migration API at {@code /realms/{realm}/migrate}, a segment migration owns whole (so its
 * root is {@link MigrationResource} itself), and schedules the background worker on every node once Keycloak
 * has started.
 * Options (e.g. {@code --spi-realm-restapi-extension--migrate--interval-seconds=5}): how often a
 * node looks for pending records, how many it takes per transaction, how long one run may last, how many
 * chunks it imports at once ({@code threads}).
 */
public final class MigrateApiProviderFactory extends SeedApiProviderFactory<MigrationResource> {

    public static final String ID = "migrate";

    /**
     * People per transaction. The worker empties the persistence context after each person (before, each lookup made
     * Hibernate dirty-check everything the chunk had added, and chunks of 200 were twice as slow as chunks of 50).
     */
    private static final int DEFAULT_CHUNK = 50;
    /** Chunks imported at once: one thread leaves the second core of a small server idle while the database waits. */
    private static final int DEFAULT_THREADS = 2;
    private static final int MAX_THREADS = 16;

    private WorkerOptions worker;
    private int threads;

    public MigrateApiProviderFactory() {
        super(ID, MigrationResource.class, MigrationResource::new);
    }

    @Override
    public void init(Config.Scope config) {
        worker = WorkerOptions.read(config, "", DEFAULT_CHUNK);
        threads = Math.max(1, Math.min(MAX_THREADS, config.getInt("threads", DEFAULT_THREADS)));
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        List<ProviderConfigProperty> options = new ArrayList<>(WorkerOptions.metadata("", DEFAULT_CHUNK, "migration records",
                "People imported per transaction (1-1000); a chunk that fails is taken again one person at a time."));
        options.addAll(ProviderConfigurationBuilder.create()
                .property().name("threads").type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(DEFAULT_THREADS)
                .helpText("Chunks imported at once by the node that runs the migration (1-" + MAX_THREADS + "), each from its own part"
                        + " of the queue. More than the node's cores, or than its database connections allow, is slower.").add()
                .build());
        return options;
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                worker.schedule(factory, new MigrationWorker(worker.chunkSize(), worker.runBudgetMillis(), threads));
            } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
                new MigrationBatchStore(removed.getKeycloakSession()).deleteRealm(removed.getRealm().getId());
            }
        });
    }
}
