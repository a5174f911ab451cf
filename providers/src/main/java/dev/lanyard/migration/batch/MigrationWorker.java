package dev.lanyard.migration.batch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lanyard.metrics.LanyardMetrics;
import dev.lanyard.migration.LegacySettings;
import dev.lanyard.migration.LegacyUserStorageProviderFactory;
import dev.lanyard.screening.ScreeningProvider;
import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.storage.UserStorageProvider;
import org.keycloak.timer.ScheduledTask;
import org.keycloak.util.JsonSerialization;

/**
 * The background side of bulk migration: takes pending records, oldest first, in chunks, each
 * chunk in one transaction that both creates the users and marks their records. A node killed
 * mid-chunk loses the whole transaction, so its records are still PENDING and are taken again:
 * no person lost, none imported twice. Scheduled on every node through Keycloak's cluster-aware
 * runner (one node per interval); the row locks of {@link MigrationBatchStore#lockPending} keep
 * two nodes apart even if their runs overlap.
 */
final class MigrationWorker implements ScheduledTask {

    static final String TASK_NAME = "lanyard-migration-batches";
    private static final Logger LOG = Logger.getLogger(MigrationWorker.class);

    private final int chunkSize;
    private final long budgetMillis;

    /** {@code budgetMillis}: how long one run may keep taking chunks, so Keycloak's shared timer thread is not held for long. */
    MigrationWorker(int chunkSize, long budgetMillis) {
        this.chunkSize = chunkSize;
        this.budgetMillis = budgetMillis;
    }

    @Override
    public String getTaskName() {
        return TASK_NAME;
    }

    @Override
    public void run(KeycloakSession session) {
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        long deadline = System.currentTimeMillis() + budgetMillis;
        while (System.currentTimeMillis() < deadline) {
            List<String> taken = new ArrayList<>();
            List<String[]> migrated = new ArrayList<>();
            int processed;
            try {
                processed = KeycloakModelUtils.runJobInTransactionWithResult(factory, s -> processChunk(s, taken, migrated));
            } catch (RuntimeException chunkFailed) {
                // One person broke the chunk's transaction (rolled back whole): take the chunk again one by one.
                LOG.warnf("A migration chunk of %d records failed (%s); processing them one by one", taken.size(),
                        chunkFailed.getClass().getSimpleName());
                migrated.clear();
                processed = processOneByOne(factory, taken, migrated);
            }
            // Imports are screened like registrations: once committed, in a transaction of their own.
            session.getProvider(ScreeningProvider.class).screenCommitted(migrated, "MIGRATION");
            if (processed == 0) {
                return;
            }
        }
    }

    private int processChunk(KeycloakSession session, List<String> taken, List<String[]> migrated) {
        MigrationBatchStore store = new MigrationBatchStore(session);
        List<MigrationRecordEntity> records = store.lockPending(chunkSize);
        records.forEach(r -> taken.add(r.getId()));
        for (MigrationRecordEntity record : records) {
            complete(session, store, record, migrated);
        }
        return records.size();
    }

    private static void complete(KeycloakSession session, MigrationBatchStore store, MigrationRecordEntity record, List<String[]> migrated) {
        Outcome outcome = process(session, record);
        store.complete(record, outcome);
        LanyardMetrics.countAfterCommit(session, LanyardMetrics.MIGRATION_RECORDS, "state", outcome.state().name());
        if (outcome.state() == RecordState.SUCCESS && ScreeningProvider.screens(session.getContext().getRealm())) {
            migrated.add(new String[]{record.getRealmId(), outcome.userId()});
        }
    }

    private int processOneByOne(KeycloakSessionFactory factory, List<String> recordIds, List<String[]> migrated) {
        int done = 0;
        for (String id : recordIds) {
            try {
                List<String[]> one = new ArrayList<>();
                KeycloakModelUtils.runJobInTransaction(factory, s -> {
                    MigrationBatchStore store = new MigrationBatchStore(s);
                    store.lockIfPending(id).ifPresent(record -> complete(s, store, record, one));
                });
                migrated.addAll(one);
            } catch (RuntimeException personFailed) {
                LOG.warnf("Migration record %s could not be imported (%s)", id, personFailed.getClass().getSimpleName());
                KeycloakModelUtils.runJobInTransaction(factory, s -> {
                    MigrationBatchStore store = new MigrationBatchStore(s);
                    store.lockIfPending(id).ifPresent(record -> store.complete(record, Outcome.failed(Outcome.IMPORT_ERROR,
                            "Keycloak could not store this person; see the server log at the time of processing, fix, then retry.")));
                });
            }
            done++;
        }
        return done;
    }

    private static Outcome process(KeycloakSession session, MigrationRecordEntity record) {
        RealmModel realm = session.realms().getRealm(record.getRealmId());
        if (realm == null) {
            return Outcome.failed(Outcome.IMPORT_ERROR, "The realm no longer exists.");
        }
        session.getContext().setRealm(realm);
        JsonNode entry;
        try {
            entry = JsonSerialization.mapper.readTree(record.getPayload());
        } catch (IOException | RuntimeException e) {
            return Outcome.failed(Outcome.IMPORT_ERROR, "The stored entry is unreadable.");
        }
        try {
            return new PersonImporter(session, realm, roleNames(realm)).importPerson(SubmittedPerson.read(entry));
        } catch (SubmittedPerson.Rejected rejected) {
            return rejected.outcome();
        }
    }

    /** The role mapping of the realm's lanyard-legacy federation, so both migrations grant the same roles. */
    private static UnaryOperator<String> roleNames(RealmModel realm) {
        Optional<ComponentModel> federation = realm.getComponentsStream(realm.getId(), UserStorageProvider.class.getName())
                .filter(c -> LegacyUserStorageProviderFactory.ID.equals(c.getProviderId()))
                .findFirst();
        if (federation.isEmpty()) {
            return UnaryOperator.identity();
        }
        try {
            LegacySettings settings = LegacySettings.from(federation.get().getConfig());
            return settings::realmRoleFor;
        } catch (IllegalArgumentException unusable) {
            return UnaryOperator.identity();
        }
    }
}
