package dev.lanyard.migration.batch;

import java.util.List;

import dev.lanyard.LanyardProviderFactory;
import dev.lanyard.WorkerOptions;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * Serves seed 000's migration API at {@code /realms/{realm}/migrate} (the id is the URL segment the
 * seed fixes) and schedules the background worker on every node once Keycloak has started.
 * Options (e.g. {@code --spi-realm-restapi-extension--migrate--interval-seconds=5}): how often a
 * node looks for pending records, how many it takes per transaction, how long one run may last.
 */
public final class MigrateApiProviderFactory implements RealmResourceProviderFactory, LanyardProviderFactory<RealmResourceProvider> {

    public static final String ID = "migrate";

    /**
     * Each lookup in a chunk's transaction makes Hibernate dirty-check everything the chunk added so far, so the
     * cost per person grows with the chunk: 20,000 people took 72.8 s in chunks of 200 and 33.4 s in chunks of 50.
     */
    private static final int DEFAULT_CHUNK = 50;

    private WorkerOptions worker;

    @Override
    public String getId() {
        return ID;
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
