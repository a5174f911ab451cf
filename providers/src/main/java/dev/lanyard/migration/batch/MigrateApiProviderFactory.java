package dev.lanyard.migration.batch;

import java.util.List;

import dev.lanyard.WorkerOptions;
import dev.lanyard.rest.SeedApiProviderFactory;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * Serves seed 000's migration API at {@code /realms/{realm}/migrate}, a segment migration owns whole (so its
 * root is {@link MigrationResource} itself), and schedules the background worker on every node once Keycloak
 * has started.
 * Options (e.g. {@code --spi-realm-restapi-extension--migrate--interval-seconds=5}): how often a
 * node looks for pending records, how many it takes per transaction, how long one run may last.
 */
public final class MigrateApiProviderFactory extends SeedApiProviderFactory<MigrationResource> {

    public static final String ID = "migrate";

    /**
     * Each lookup in a chunk's transaction makes Hibernate dirty-check everything the chunk added so far, so the
     * cost per person grows with the chunk: 20,000 people took 72.8 s in chunks of 200 and 33.4 s in chunks of 50.
     */
    private static final int DEFAULT_CHUNK = 50;

    private WorkerOptions worker;

    public MigrateApiProviderFactory() {
        super(ID, MigrationResource.class, MigrationResource::new);
    }

    @Override
    public void init(Config.Scope config) {
        worker = WorkerOptions.read(config, "", DEFAULT_CHUNK);
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return WorkerOptions.metadata("", DEFAULT_CHUNK, "migration records",
                "People imported per transaction (1-1000). Larger chunks are slower per person (each lookup re-checks what"
                        + " the chunk added); a chunk that fails is taken again one person at a time.");
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                worker.schedule(factory, new MigrationWorker(worker.chunkSize(), worker.runBudgetMillis()));
            } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
                new MigrationBatchStore(removed.getKeycloakSession()).deleteRealm(removed.getRealm().getId());
            }
        });
    }
}
