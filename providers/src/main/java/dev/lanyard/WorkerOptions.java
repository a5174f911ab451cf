package dev.lanyard;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.timer.ScheduledTask;

/**
 * The three options of a background worker that takes queued rows in chunks ({@code <prefix>interval-seconds},
 * {@code <prefix>chunk-size}, {@code <prefix>run-seconds}), and its scheduling: on every node, through
 * Keycloak's cluster-aware runner, so one node a time runs it.
 *
 * @param chunkSize       rows per transaction, 1 to 1000
 * @param runBudgetMillis how long one run may keep taking chunks, so Keycloak's shared timer thread is not held long
 */
public record WorkerOptions(long intervalMillis, int chunkSize, long runBudgetMillis) {

    public static WorkerOptions read(Config.Scope config, String prefix, int defaultChunkSize) {
        return new WorkerOptions(Math.max(1, config.getInt(prefix + "interval-seconds", 2)) * 1000L,
                Math.max(1, Math.min(1000, config.getInt(prefix + "chunk-size", defaultChunkSize))),
                Math.max(1, config.getInt(prefix + "run-seconds", 20)) * 1000L);
    }

    /** The options with help texts, for the server info; {@code rows} names what the worker takes ("migration records"). */
    public static List<ProviderConfigProperty> metadata(String prefix, int defaultChunkSize, String rows, String chunkHelp) {
        return ProviderConfigurationBuilder.create()
                .property().name(prefix + "interval-seconds").type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(2)
                .helpText("How often a node looks for queued " + rows + " (one node at a time).").add()
                .property().name(prefix + "chunk-size").type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(defaultChunkSize)
                .helpText(chunkHelp).add()
                .property().name(prefix + "run-seconds").type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(20)
                .helpText("How long one run keeps taking chunks before it yields Keycloak's shared timer thread.").add()
                .build();
    }

    /** Schedules the task on this node; call once Keycloak has started (on its PostMigrationEvent). */
    public void schedule(KeycloakSessionFactory factory, ScheduledTask task) {
        ClusterTasks.schedule(factory, task, intervalMillis);
    }
}
