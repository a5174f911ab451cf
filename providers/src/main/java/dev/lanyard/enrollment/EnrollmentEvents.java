package dev.lanyard.enrollment;

import dev.lanyard.ClusterTasks;
import dev.lanyard.screening.ScreeningResolvedEvent;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.timer.ScheduledTask;

/**
 * What enrollment does on the server's events: a held enrollment goes on when its screening is resolved, a removed
 * person's or realm's consents and keys go with them, and idempotency keys past their window are purged hourly by one
 * node of the cluster.
 */
public final class EnrollmentEvents {

    static final String PURGE_TASK = "lanyard-idempotency-purge";
    private static final long PURGE_INTERVAL_MILLIS = 3_600_000L;

    private EnrollmentEvents() {
    }

    public static void listen(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof ScreeningResolvedEvent resolved) {
                Enrollments.onResolved(resolved);
            } else if (event instanceof UserModel.UserRemovedEvent removed) {
                new EnrollmentStore(removed.getKeycloakSession()).deleteUser(removed.getRealm().getId(), removed.getUser().getId());
            } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
                new EnrollmentStore(removed.getKeycloakSession()).deleteRealm(removed.getRealm().getId());
            } else if (event instanceof PostMigrationEvent) {
                ClusterTasks.schedule(factory, new ScheduledTask() {
                    @Override
                    public void run(KeycloakSession session) {
                        new EnrollmentStore(session).deleteIdempotencyBefore(Time.currentTimeMillis() - Idempotency.WINDOW_MILLIS);
                    }

                    @Override
                    public String getTaskName() {
                        return PURGE_TASK;
                    }
                }, PURGE_INTERVAL_MILLIS);
            }
        });
    }
}
