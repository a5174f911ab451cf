package dev.lanyard;

import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.scheduled.ClusterAwareScheduledTaskRunner;
import org.keycloak.timer.ScheduledTask;
import org.keycloak.timer.TimerProvider;

/** Lanyard's background tasks run on every node's timer through Keycloak's cluster-aware runner: one node per interval. */
public final class ClusterTasks {

    private ClusterTasks() {
    }

    /** Schedules {@code task} on this node; call once Keycloak has started (on its PostMigrationEvent). */
    public static void schedule(KeycloakSessionFactory factory, ScheduledTask task, long intervalMillis) {
        KeycloakModelUtils.runJobInTransaction(factory, session -> session.getProvider(TimerProvider.class).schedule(
                new ClusterAwareScheduledTaskRunner(factory, task, intervalMillis), intervalMillis, task.getTaskName()));
    }
}
