package dev.lanyard.revalidation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.lanyard.LanyardProviderFactory;
import dev.lanyard.MovedOptions;
import dev.lanyard.WorkerOptions;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Revalidation and its batch worker, scheduled on every node. Options, {@code --spi-lanyard-revalidation--default--<name>}:
 * {@code moe-url}, {@code timeout-seconds} (30), {@code interval-seconds} (2), {@code chunk-size} (50 people a transaction),
 * {@code run-seconds} (20, how long one run may last). Until the next release also read, with a deprecation warning,
 * from where they were: {@code --spi-events-listener--lanyard-screening--moe-url} and {@code ...--timeout-seconds},
 * {@code --spi-realm-restapi-extension--user--revalidation-interval-seconds}, {@code ...-chunk-size}, {@code ...-run-seconds}.
 */
public final class DefaultRevalidationProviderFactory implements RevalidationProviderFactory, LanyardProviderFactory<RevalidationProvider> {

    public static final String ID = "default";
    private static final int DEFAULT_CHUNK = 50; // as migration's: each lookup re-checks what the chunk changed so far

    private RevalidationSettings settings;
    private WorkerOptions worker;

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public RevalidationProvider create(KeycloakSession session) {
        return new Revalidator(session, settings);
    }

    @Override
    public void init(Config.Scope own) {
        String prefix = "spi-" + RevalidationSpi.NAME + "--" + ID + "--";
        Config.Scope config = new MovedOptions(
                new MovedOptions(own, prefix, Config.scope("events-listener", "lanyard-screening"), "",
                        "spi-events-listener--lanyard-screening--", Set.of("moe-url", "timeout-seconds")),
                prefix, Config.scope("realm-restapi-extension", "user"), "revalidation-",
                "spi-realm-restapi-extension--user--", Set.of("interval-seconds", "chunk-size", "run-seconds"));
        settings = RevalidationSettings.read(config);
        worker = WorkerOptions.read(config, "", DEFAULT_CHUNK);
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        List<ProviderConfigProperty> options = new ArrayList<>(ProviderConfigurationBuilder.create()
                .property().name("moe-url").type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Base URL of the MOE system that revalidation (callType MOE, ENROLL_PROGRAM_AND_MOE) syncs people to"
                        + " (POST {moe-url}/users/sync). Unset: those revalidations are refused.").add()
                .property().name("timeout-seconds").type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(30)
                .helpText("Connect and read timeout of a MOE call.").add()
                .build());
        options.addAll(WorkerOptions.metadata("", DEFAULT_CHUNK, "batch revalidations",
                "People revalidated per transaction (1-1000). Smaller chunks hold row locks for less time when MOE is slow."));
        return options;
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                worker.schedule(factory, new RevalidationWorker(worker.chunkSize(), worker.runBudgetMillis()));
            } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
                new RevalidationStore(removed.getKeycloakSession()).deleteRealm(removed.getRealm().getId());
            }
        });
    }
}
