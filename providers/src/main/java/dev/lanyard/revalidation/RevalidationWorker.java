package dev.lanyard.revalidation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.lanyard.rest.LocalPeople;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.timer.ScheduledTask;

/**
 * The background side of batch revalidation: first adds the items of batches of all users, a page
 * per transaction, then takes pending items, oldest first, in chunks, each chunk in one transaction
 * that both revalidates the people and marks their items. A node killed mid-chunk loses that
 * transaction, so its items are still PENDING and are taken again (a person may then be screened
 * or synced twice, which changes nothing). When MOE does not take a person, that person fails and the
 * run ends there, so an unanswering MOE costs one timeout per run, not one per person of a transaction.
 * Scheduled on every node through Keycloak's cluster-aware runner (one node per interval); row locks
 * keep two nodes apart even if their runs overlap.
 */
final class RevalidationWorker implements ScheduledTask {

    static final String TASK_NAME = "lanyard-revalidation-batches";
    /** Users added to a batch of all users per transaction. */
    private static final int PREPARE_PAGE = 1000;
    private static final Logger LOG = Logger.getLogger(RevalidationWorker.class);

    private final int chunkSize;
    private final long budgetMillis;

    /** {@code budgetMillis}: how long one run may keep taking chunks, so Keycloak's shared timer thread is not held for long. */
    RevalidationWorker(int chunkSize, long budgetMillis) {
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
            boolean prepared = KeycloakModelUtils.runJobInTransactionWithResult(factory,
                    s -> new RevalidationStore(s).prepareNextPage(PREPARE_PAGE));
            List<String> taken = new ArrayList<>();
            AtomicBoolean moeDown = new AtomicBoolean();
            int processed;
            try {
                processed = KeycloakModelUtils.runJobInTransactionWithResult(factory, s -> processChunk(s, taken, moeDown));
            } catch (RuntimeException chunkFailed) {
                // One person broke the chunk's transaction (rolled back whole): take the chunk again one by one.
                LOG.warnf("A revalidation chunk of %d items failed (%s); processing them one by one", taken.size(),
                        chunkFailed.getClass().getSimpleName());
                processed = processOneByOne(factory, taken);
            }
            if (moeDown.get() || !prepared && processed == 0) {
                return; // MOE did not answer: the rest waits for the next run rather than each waiting out a timeout now
            }
        }
    }

    private int processChunk(KeycloakSession session, List<String> taken, AtomicBoolean moeDown) {
        RevalidationStore store = new RevalidationStore(session);
        List<RevalidationItemEntity> items = store.lockPending(chunkSize);
        items.forEach(item -> taken.add(item.getId()));
        int processed = 0;
        for (RevalidationItemEntity item : items) {
            processed++;
            if (!process(session, store, item)) {
                moeDown.set(true); // the chunk's other people stay PENDING
                break;
            }
        }
        return processed;
    }

    private int processOneByOne(KeycloakSessionFactory factory, List<String> itemIds) {
        for (String id : itemIds) {
            try {
                KeycloakModelUtils.runJobInTransaction(factory, s -> {
                    RevalidationStore store = new RevalidationStore(s);
                    store.lockIfPending(id).ifPresent(item -> process(s, store, item));
                });
            } catch (RuntimeException personFailed) {
                LOG.warnf("Revalidation item %s failed (%s)", id, personFailed.getClass().getSimpleName());
                KeycloakModelUtils.runJobInTransaction(factory, s -> {
                    RevalidationStore store = new RevalidationStore(s);
                    store.lockIfPending(id).ifPresent(item -> store.failed(item, "REVALIDATION_ERROR",
                            "Keycloak could not revalidate this person; see the server log at the time of processing."));
                });
            }
        }
        return itemIds.size();
    }

    /** Revalidates the item's person and records the outcome; false when MOE did not take them. */
    private static boolean process(KeycloakSession session, RevalidationStore store, RevalidationItemEntity item) {
        RealmModel realm = session.realms().getRealm(item.getRealmId());
        RevalidationBatchEntity batch = store.batchOf(item);
        if (realm == null || batch == null) {
            store.failed(item, "REALM_NOT_FOUND", "The realm no longer exists.");
            return true;
        }
        session.getContext().setRealm(realm); // Keycloak's user store refuses lookups of another realm than the context's
        Optional<UserModel> user = LocalPeople.find(session, realm, item.getUserId(), item.getUsername());
        if (user.isEmpty()) {
            store.failed(item, "USER_NOT_FOUND", "No such person in this tenant (any more).");
            return true;
        }
        try {
            CallType type = CallType.valueOf(batch.getCallType());
            RevalidationProvider.Result result = session.getProvider(RevalidationProvider.class)
                    .revalidate(realm, user.get(), type, batch.getProgramCode());
            store.done(item, user.get().getId(), result.result());
            return true;
        } catch (RevalidationProvider.Failed failed) {
            item.setUserId(user.get().getId());
            store.failed(item, failed.code(), failed.getMessage());
            return !RevalidationProvider.MOE_UNAVAILABLE.equals(failed.code());
        }
    }
}
