package dev.lanyard.screening;

import java.util.List;
import java.util.Set;

import dev.lanyard.ClusterTasks;
import dev.lanyard.LanyardProviderFactory;
import dev.lanyard.MovedOptions;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.timer.ScheduledTask;

/**
 * The server's SDN list and its screening. Options, {@code --spi-lanyard-screening--default--<name>}: {@code list-source},
 * {@code refresh-hours}, {@code min-score}, {@code timeout-seconds} (see {@link #getConfigMetadata}); until the next
 * release also read from their old place, {@code --spi-events-listener--lanyard-screening--<name>}, with a deprecation
 * warning. The list is loaded at start-up and refreshed by one node at a time.
 */
public final class DefaultScreeningProviderFactory implements ScreeningProviderFactory, LanyardProviderFactory<ScreeningProvider> {

    public static final String ID = "default";
    static final String REFRESH_TASK = "lanyard-sanctions-list-refresh";
    private static final Logger LOG = Logger.getLogger(DefaultScreeningProviderFactory.class);
    private static final Set<String> OPTIONS = Set.of("list-source", "refresh-hours", "min-score", "timeout-seconds");

    private ScreeningSettings settings;
    /** The node-local index of the database's newest list: a cache of what the database holds (see {@link SanctionsLists}). */
    private SanctionsLists lists;

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public ScreeningProvider create(KeycloakSession session) {
        return new DefaultScreeningProvider(session, lists);
    }

    @Override
    public void init(Config.Scope own) {
        Config.Scope config = new MovedOptions(own, "spi-" + ScreeningSpi.NAME + "--" + ID + "--",
                Config.scope("events-listener", ScreeningEventListenerFactory.ID), "",
                "spi-events-listener--" + ScreeningEventListenerFactory.ID + "--", OPTIONS);
        settings = ScreeningSettings.read(config);
        lists = new SanctionsLists(settings);
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name("list-source").type(ProviderConfigProperty.STRING_TYPE)
                .helpText("A directory or http(s) base URL holding OFAC's legacy sdn.csv and alt.csv. Unset: nothing is screened."
                        + " Downloads use Keycloak's HTTP client, so its truststore and proxy settings apply.").add()
                .property().name("refresh-hours").type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(24)
                .helpText("How often one node fetches the list again; a failed fetch keeps the last good list.").add()
                .property().name("min-score").type(ProviderConfigProperty.STRING_TYPE).defaultValue(Screener.DEFAULT_MIN_SCORE)
                .helpText("0-100, as OFAC's Sanctions List Search scores. Lower finds more spellings of listed people but holds more"
                        + " ordinary customers for review; higher holds fewer customers but misses more variants. 90 finds exact"
                        + " names, swapped order, aliases, one typo, missing diacritics and middle names.").add()
                .property().name("timeout-seconds").type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(30)
                .helpText("Connect and read timeout of a list download.").add()
                .build();
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                ListAgeGauge.register(factory);
                if (settings.listSource() == null) {
                    LOG.warn("lanyard-screening has no list-source: realms that list it are not screened");
                    return;
                }
                KeycloakModelUtils.runJobInTransaction(factory, lists::refresh);
                ScheduledTask refresh = new ScheduledTask() {
                    @Override
                    public void run(KeycloakSession session) {
                        lists.refresh(session);
                    }

                    @Override
                    public String getTaskName() {
                        return REFRESH_TASK;
                    }
                };
                ClusterTasks.schedule(factory, refresh, settings.refresh().toMillis());
            } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
                new ScreeningStore(removed.getKeycloakSession()).deleteRealm(removed.getRealm().getId());
            }
        });
    }
}
