package dev.lanyard.merge;

import dev.lanyard.WorkerOptions;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.PostMigrationEvent;

/** Starts the merge worker on this node once Keycloak has started, and removes a deleted realm's merge jobs. */
public final class MergeJobs {

    private MergeJobs() {
    }

    public static void start(KeycloakSessionFactory factory, WorkerOptions options) {
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                options.schedule(factory, new MergeWorker(options.runBudgetMillis()));
            } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
                new MergeStore(removed.getKeycloakSession()).deleteRealm(removed.getRealm().getId());
            }
        });
    }
}
