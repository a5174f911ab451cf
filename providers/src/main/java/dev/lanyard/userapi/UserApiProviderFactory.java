package dev.lanyard.userapi;

import java.util.List;

import dev.lanyard.LanyardProviderFactory;
import dev.lanyard.WorkerOptions;
import dev.lanyard.revalidation.RevalidationWorker;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * Serves the seed 000 user API at {@code /realms/{realm}/user}. The id is the URL segment the seed
 * fixes, hence not {@code lanyard-} prefixed like Lanyard's other providers. Also schedules the batch
 * revalidation worker on every node; options ({@code --spi-realm-restapi-extension--user--<name>}):
 * {@code revalidation-interval-seconds} (2), {@code revalidation-chunk-size} (50 people a transaction),
 * {@code revalidation-run-seconds} (20, how long one run may last).
 */
public final class UserApiProviderFactory implements RealmResourceProviderFactory, LanyardProviderFactory<RealmResourceProvider> {

    public static final String ID = "user";

    private static final String OPTIONS = "revalidation-";
    private static final int DEFAULT_CHUNK = 50; // as migration's: each lookup re-checks what the chunk changed so far

    private WorkerOptions revalidation;

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public void init(Config.Scope config) {
        revalidation = WorkerOptions.read(config, OPTIONS, DEFAULT_CHUNK);
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return WorkerOptions.metadata(OPTIONS, DEFAULT_CHUNK, "batch revalidations",
                "People revalidated per transaction (1-1000). Smaller chunks hold row locks for less time when MOE is slow.");
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                revalidation.schedule(factory, new RevalidationWorker(revalidation.chunkSize(), revalidation.runBudgetMillis()));
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
