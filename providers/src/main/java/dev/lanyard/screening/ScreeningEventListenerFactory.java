package dev.lanyard.screening;

import java.time.Duration;
import java.util.List;

import dev.lanyard.LanyardProviderFactory;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.scheduled.ClusterAwareScheduledTaskRunner;
import org.keycloak.timer.ScheduledTask;
import org.keycloak.timer.TimerProvider;

/**
 * Event listener {@code lanyard-screening} (add it to a realm's event listeners to screen its people)
 * and the server's SDN list. Options, {@code --spi-events-listener--lanyard-screening--<name>}:
 * {@code list-source}, {@code refresh-hours}, {@code min-score}, {@code timeout-seconds}, {@code moe-url}
 * (see {@link #getConfigMetadata}). The list is loaded at start-up and refreshed by one node at a time.
 */
public final class ScreeningEventListenerFactory implements EventListenerProviderFactory, LanyardProviderFactory<EventListenerProvider> {

    public static final String ID = "lanyard-screening";
    static final String REFRESH_TASK = "lanyard-sanctions-list-refresh";
    private static final Logger LOG = Logger.getLogger(ScreeningEventListenerFactory.class);

    private ScreeningSettings settings;
    /** The node-local index of the database's newest list (see {@link SanctionsLists}). */
    private SanctionsLists lists;

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new ScreeningEventListener(session);
    }

    @Override
    public void init(Config.Scope config) {
        String source = config.get("list-source");
        String moe = config.get("moe-url");
        String score = config.get("min-score");
        double minScore;
        try {
            minScore = score == null || score.isBlank() ? Screener.DEFAULT_MIN_SCORE : Double.parseDouble(score.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("lanyard-screening min-score must be a number from 0 to 100, not " + score);
        }
        if (!(minScore > 0 && minScore <= 100)) {
            throw new IllegalArgumentException("lanyard-screening min-score must be above 0 and at most 100, not " + minScore);
        }
        settings = new ScreeningSettings(source == null || source.isBlank() ? null : source.trim(),
                Duration.ofHours(Math.max(1, config.getInt("refresh-hours", 24))), minScore,
                Duration.ofSeconds(Math.max(1, config.getInt("timeout-seconds", 30))), moe == null || moe.isBlank() ? null : moe.trim());
        lists = new SanctionsLists(settings);
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name("list-source").type(ProviderConfigProperty.STRING_TYPE)
                .helpText("A directory or http(s) base URL holding OFAC's legacy sdn.csv and alt.csv. Unset: nothing is screened.").add()
                .property().name("refresh-hours").type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(24)
                .helpText("How often one node fetches the list again; a failed fetch keeps the last good list.").add()
                .property().name("min-score").type(ProviderConfigProperty.STRING_TYPE).defaultValue(Screener.DEFAULT_MIN_SCORE)
                .helpText("0-100, as OFAC's Sanctions List Search scores. Lower finds more spellings of listed people but holds more"
                        + " ordinary customers for review; higher holds fewer customers but misses more variants. 90 finds exact"
                        + " names, swapped order, aliases, one typo, missing diacritics and middle names.").add()
                .property().name("timeout-seconds").type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(30)
                .helpText("Connect and read timeout of a list download and of a MOE call.").add()
                .property().name("moe-url").type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Base URL of the MOE system that revalidation (callType MOE) syncs people to.").add()
                .build();
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
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
                long interval = settings.refresh().toMillis();
                KeycloakModelUtils.runJobInTransaction(factory, session -> session.getProvider(TimerProvider.class).schedule(
                        new ClusterAwareScheduledTaskRunner(factory, refresh, interval), interval, REFRESH_TASK));
            } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
                new ScreeningStore(removed.getKeycloakSession()).deleteRealm(removed.getRealm().getId());
            }
        });
    }

    /** The screening service of this server, for a session. */
    public static ScreeningService service(KeycloakSession session) {
        return new ScreeningService(session, factory(session.getKeycloakSessionFactory()).lists);
    }

    public static ScreeningSettings settings(KeycloakSession session) {
        return factory(session.getKeycloakSessionFactory()).settings;
    }

    /** This node's view of the stored lists. */
    static SanctionsLists lists(KeycloakSession session) {
        return factory(session.getKeycloakSessionFactory()).lists;
    }

    /** Whether the realm screens its people (its event listeners include {@value #ID}). */
    public static boolean screens(RealmModel realm) {
        return realm.getEventsListenersStream().anyMatch(ID::equals);
    }

    /**
     * Screens a person once the session's transaction has committed (in a transaction of its own, so a
     * screening never slows or fails the change, and sees the names as stored); nothing if it rolls back.
     */
    public static void screenAfterCommit(KeycloakSession session, String realmId, String userId, String trigger) {
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                screenInNewTransaction(factory, realmId, userId, trigger);
            }

            @Override
            protected void rollbackImpl() {
                // the change did not happen: nothing to screen
            }
        });
    }

    /** Screens a person in a transaction of its own; a failure is logged, never thrown at the change that caused it. */
    public static void screenInNewTransaction(KeycloakSessionFactory factory, String realmId, String userId, String trigger) {
        screenInNewTransaction(factory, List.<String[]>of(new String[]{realmId, userId}), trigger);
    }

    /** Screens people ({realmId, userId} each), all in one transaction of their own, one by one if that fails. */
    public static void screenInNewTransaction(KeycloakSessionFactory factory, List<String[]> people, String trigger) {
        if (people.isEmpty()) {
            return;
        }
        try {
            KeycloakModelUtils.runJobInTransaction(factory, session -> people.forEach(p -> screen(session, p[0], p[1], trigger)));
        } catch (RuntimeException together) {
            for (String[] person : people) {
                try {
                    KeycloakModelUtils.runJobInTransaction(factory, session -> screen(session, person[0], person[1], trigger));
                } catch (RuntimeException e) {
                    LOG.warnf("Screening a user of realm %s failed (%s); revalidate them with callType OFAC", person[0],
                            e.getClass().getSimpleName());
                }
            }
        }
    }

    private static void screen(KeycloakSession session, String realmId, String userId, String trigger) {
        RealmModel realm = session.realms().getRealm(realmId);
        if (realm == null) {
            return;
        }
        session.getContext().setRealm(realm); // Keycloak's user store refuses lookups of another realm than the context's
        // Through session.users(): the hold a screening sets must reach the user cache, which sign-ins read.
        UserModel user = session.users().getUserById(realm, userId);
        if (user != null) {
            service(session).screen(realm, user, trigger);
        }
    }

    private static ScreeningEventListenerFactory factory(KeycloakSessionFactory sessionFactory) {
        return (ScreeningEventListenerFactory) sessionFactory.getProviderFactory(EventListenerProvider.class, ID);
    }
}
