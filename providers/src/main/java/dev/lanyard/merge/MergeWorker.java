package dev.lanyard.merge;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.timer.ScheduledTask;

/**
 * The background side of duplicate merges: one person per transaction, oldest job first. Everything one person's merge
 * does commits together with its MERGED outcome, so a node killed mid-way loses that person's transaction whole and the
 * person is still PENDING for the next run, on any node: nothing lost, nothing moved twice. Scheduled on every node
 * through Keycloak's cluster-aware runner; the row lock keeps overlapping runs apart. Also deletes people merged longer
 * ago than their realm's retention ({@value #RETENTION_DAYS}, default {@value #DEFAULT_RETENTION_DAYS} days).
 */
final class MergeWorker implements ScheduledTask {

    static final String TASK_NAME = "lanyard-duplicate-merges";
    /** Realm attribute: days a merged-away person is kept (disabled) before it is deleted. */
    static final String RETENTION_DAYS = "lanyard.merge.retention-days";
    static final int DEFAULT_RETENTION_DAYS = 30;
    /** Realm attribute: a pause between two people (milliseconds), to spare the database during large merges; 0 unless set. */
    static final String PAUSE_MILLIS = "lanyard.merge.pause-millis";
    private static final Logger LOG = Logger.getLogger(MergeWorker.class);
    private static final int PURGE_BATCH = 100;

    private final long budgetMillis;

    MergeWorker(long budgetMillis) {
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
            Optional<Long> pause = mergeNext(factory);
            if (pause.isEmpty()) {
                break;
            }
            if (pause.get() > 0) {
                try {
                    Thread.sleep(Math.min(pause.get(), 10_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        purge(factory);
    }

    /** Merges the next pending person; empty when none is left, else the realm's pause before the next one. */
    private Optional<Long> mergeNext(KeycloakSessionFactory factory) {
        String[] taken = new String[1];
        try {
            return KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> {
                MergeStore store = new MergeStore(session);
                Optional<MergePersonEntity> next = store.lockNextPending();
                if (next.isEmpty()) {
                    return Optional.<Long>empty();
                }
                MergePersonEntity row = next.get();
                taken[0] = row.getId();
                return Optional.of(merge(session, store, row));
            });
        } catch (RuntimeException failed) {
            if (taken[0] == null) {
                throw failed;
            }
            LOG.warnf("Merging person row %s failed (%s); marked FAILED", taken[0], failed.getClass().getSimpleName());
            LOG.debugf(failed, "Stack of the failed merge of person row %s", taken[0]);
            KeycloakModelUtils.runJobInTransaction(factory, session -> {
                MergeStore store = new MergeStore(session);
                store.lockIfPending(taken[0]).ifPresent(row -> store.finish(row, MergeStore.FAILED,
                        "Keycloak could not merge this person (" + failed.getClass().getSimpleName() + "); see the server log."));
            });
            return Optional.of(0L);
        }
    }

    private static long merge(KeycloakSession session, MergeStore store, MergePersonEntity row) {
        RealmModel realm = session.realms().getRealm(row.getRealmId());
        MergeJobEntity job = store.job(row.getJobId());
        if (realm == null || job == null) {
            store.finish(row, MergeStore.FAILED, "The realm or the job no longer exists.");
            return 0;
        }
        session.getContext().setRealm(realm);
        UserModel person = session.users().getUserById(realm, row.getUserId());
        UserModel kept = session.users().getUserById(realm, job.getKeptUserId());
        if (person == null || kept == null) {
            store.finish(row, MergeStore.FAILED, person == null ? "The person was deleted before the merge." : "The person kept was deleted.");
            return 0;
        }
        Map<String, Integer> moved = new PersonMerger(session, realm).merge(person, kept, job.getRequestedBy());
        store.finish(row, MergeStore.MERGED, moved.toString());
        String pause = realm.getAttribute(PAUSE_MILLIS);
        try {
            return pause == null ? 0 : Math.max(0, Long.parseLong(pause.trim()));
        } catch (NumberFormatException ignored) {
            return 0;
        }
    }

    /**
     * People merged away longer ago than their realm's retention are deleted, each in a transaction of its own (one that
     * cannot be deleted never holds back the others); their rows say DELETED.
     */
    private void purge(KeycloakSessionFactory factory) {
        long now = System.currentTimeMillis();
        List<String> due = KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> new MergeStore(session)
                .mergedBefore(now, PURGE_BATCH).stream().filter(row -> {
                    RealmModel realm = session.realms().getRealm(row.getRealmId());
                    return realm != null && row.getProcessedAt() <= now - TimeUnit.DAYS.toMillis(retentionDays(realm));
                }).map(MergePersonEntity::getId).toList());
        for (String id : due) {
            try {
                KeycloakModelUtils.runJobInTransaction(factory, session -> delete(session, id));
            } catch (RuntimeException failed) {
                LOG.warnf("Deleting the merged-away person of row %s failed (%s); tried again next run", id, failed.getClass().getSimpleName());
            }
        }
    }

    private static void delete(KeycloakSession session, String rowId) {
        MergeStore store = new MergeStore(session);
        MergePersonEntity row = store.lockMerged(rowId).orElse(null);
        RealmModel realm = row == null ? null : session.realms().getRealm(row.getRealmId());
        if (realm == null) {
            return;
        }
        session.getContext().setRealm(realm); // the user-removed listeners read the realm from the context
        UserModel person = session.users().getUserById(realm, row.getUserId());
        if (person != null && person.getFirstAttribute(PersonMerger.MERGED_INTO) != null) {
            session.users().removeUser(realm, person);
        }
        store.finish(row, MergeStore.DELETED, row.getDetail());
    }

    static int retentionDays(RealmModel realm) {
        String days = realm.getAttribute(RETENTION_DAYS);
        try {
            return days == null ? DEFAULT_RETENTION_DAYS : Math.max(0, Integer.parseInt(days.trim()));
        } catch (NumberFormatException ignored) {
            return DEFAULT_RETENTION_DAYS;
        }
    }
}
