package dev.lanyard.migration.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import dev.lanyard.screening.ScreeningProvider;
import org.jboss.logging.Logger;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.timer.ScheduledTask;

/**
 * The background side of bulk migration: takes pending records, oldest first, in chunks, each
 * chunk in one transaction that both creates the users and marks their records. A node killed
 * mid-chunk loses the whole transaction, so its records are still PENDING and are taken again:
 * no person lost, none imported twice. Scheduled on every node through Keycloak's cluster-aware
 * runner (one node per interval); the row locks of {@link MigrationBatchStore#lockPending} keep
 * two nodes apart even if their runs overlap. The node that runs it imports {@code threads} chunks at
 * once, each thread from its own part of the queue, so the threads never wait for each other's rows.
 */
final class MigrationWorker implements ScheduledTask {

    static final String TASK_NAME = "lanyard-migration-batches";
    private static final String EXECUTOR = "lanyard-migration";
    private static final Logger LOG = Logger.getLogger(MigrationWorker.class);

    private final int chunkSize;
    private final long budgetMillis;
    private final int threads;

    /**
     * {@code budgetMillis}: how long one run may keep taking chunks, so Keycloak's shared timer thread is not held for
     * long; {@code threads}: how many chunks are imported at once, each thread from its own part of the queue.
     */
    MigrationWorker(int chunkSize, long budgetMillis, int threads) {
        this.chunkSize = chunkSize;
        this.budgetMillis = budgetMillis;
        this.threads = threads;
    }

    @Override
    public String getTaskName() {
        return TASK_NAME;
    }

    @Override
    public void run(KeycloakSession session) {
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        long deadline = System.currentTimeMillis() + budgetMillis;
        if (threads == 1) {
            runPart(factory, 0, 1, deadline);
            return;
        }
        // The other parts on Keycloak's managed executor, part 0 on the timer thread; the run ends when all have.
        ExecutorService executor = session.getProvider(ExecutorsProvider.class).getExecutor(EXECUTOR);
        List<Future<?>> others = new ArrayList<>();
        for (int part = 1; part < threads; part++) {
            int mine = part;
            others.add(executor.submit(() -> runPart(factory, mine, threads, deadline)));
        }
        runPart(factory, 0, threads, deadline);
        for (Future<?> other : others) {
            try {
                other.get();
            } catch (ExecutionException e) {
                LOG.warnf("A migration worker thread failed (%s)", e.getCause().getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Takes chunks of part {@code part} of the queue until it is empty or the run's time is up. */
    private void runPart(KeycloakSessionFactory factory, int part, int parts, long deadline) {
        while (System.currentTimeMillis() < deadline) {
            List<String> taken = new ArrayList<>();
            List<String[]> migrated = new ArrayList<>();
            int processed;
            try {
                processed = KeycloakModelUtils.runJobInTransactionWithResult(factory, s -> processChunk(s, part, parts, taken, migrated));
            } catch (RuntimeException chunkFailed) {
                // One person broke the chunk's transaction (rolled back whole): take the chunk again one by one.
                LOG.warnf("A migration chunk of %d records failed (%s); processing them one by one", taken.size(),
                        chunkFailed.getClass().getSimpleName());
                migrated.clear();
                processed = processOneByOne(factory, taken, migrated);
            }
            if (!migrated.isEmpty()) {
                // Imports are screened like registrations: once committed, in a transaction of their own.
                KeycloakModelUtils.runJobInTransaction(factory, s -> s.getProvider(ScreeningProvider.class).screenCommitted(migrated, "MIGRATION"));
            }
            if (processed == 0) {
                return;
            }
        }
    }

    private int processChunk(KeycloakSession session, int part, int parts, List<String> taken, List<String[]> migrated) {
        RecordImporter importer = new RecordImporter(session, migrated);
        List<MigrationRecordEntity> records = importer.store().lockPending(chunkSize, part, parts);
        records.forEach(r -> taken.add(r.getId()));
        // Someone created meanwhile by another thread or node meets a unique key at the flush: the chunk fails whole
        // and the one-by-one pass gives each record its outcome.
        importer.importChunk(records);
        return records.size();
    }

    private int processOneByOne(KeycloakSessionFactory factory, List<String> recordIds, List<String[]> migrated) {
        int done = 0;
        for (String id : recordIds) {
            try {
                List<String[]> one = new ArrayList<>();
                KeycloakModelUtils.runJobInTransaction(factory, s -> {
                    RecordImporter importer = new RecordImporter(s, one);
                    importer.store().lockIfPending(id).ifPresent(importer::importOne);
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
}
