package dev.lanyard.migration.batch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lanyard.metrics.LanyardMetrics;
import dev.lanyard.migration.LegacyPerson;
import dev.lanyard.migration.LegacySettings;
import dev.lanyard.migration.LegacyUserStorageProviderFactory;
import dev.lanyard.screening.ScreeningProvider;
import org.keycloak.component.ComponentModel;
import org.keycloak.connections.jpa.support.EntityManagers;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.storage.UserStorageProvider;
import org.keycloak.util.JsonSerialization;

/**
 * Turns locked migration records into Keycloak users and marks each with its outcome, in the session's transaction:
 * a whole chunk at once ({@link #importChunk}) or one record ({@link #importOne}, the pass after a chunk failed).
 * The people migrated in a realm that screens are collected for screening once the transaction has committed.
 */
final class RecordImporter {

    private final KeycloakSession session;
    private final MigrationBatchStore store;
    private final List<String[]> migrated;
    /** Each realm's legacy role mapping, read once per transaction. */
    private final Map<String, UnaryOperator<String>> roleNames = new HashMap<>();

    RecordImporter(KeycloakSession session, List<String[]> migrated) {
        this.session = session;
        this.store = new MigrationBatchStore(session);
        this.migrated = migrated;
    }

    MigrationBatchStore store() {
        return store;
    }

    /**
     * The chunk's people, asked about in three queries per realm ({@link KnownPeople}), then created in Keycloak's
     * batch mode (as its own imports use it): a nested persistence context flushed once with Hibernate's JDBC
     * batching, instead of a flush per insert that re-checked everything the chunk had added.
     */
    void importChunk(List<MigrationRecordEntity> records) {
        List<Entry> entries = records.stream().map(this::read).toList();
        Map<String, List<LegacyPerson>> peopleByRealm = new LinkedHashMap<>();
        entries.stream().filter(e -> e.person() != null)
                .forEach(e -> peopleByRealm.computeIfAbsent(e.realm().getId(), id -> new ArrayList<>()).add(e.person().person()));
        Map<String, Holders> holders = new HashMap<>();
        for (Entry entry : entries) {
            if (entry.person() != null) {
                holders.computeIfAbsent(entry.realm().getId(), id -> KnownPeople.of(session, entry.realm(), peopleByRealm.get(id)));
            }
        }
        EntityManagers.runInBatch(session, () -> entries.forEach(e -> finish(e, e.person() == null ? null : holders.get(e.realm().getId()))), true);
    }

    void importOne(MigrationRecordEntity record) {
        Entry entry = read(record);
        finish(entry, entry.person() == null ? null : Holders.lookedUpEachTime(session, entry.realm()));
    }

    /** A record read: its realm and person, or the outcome that it cannot be imported. */
    private record Entry(MigrationRecordEntity record, RealmModel realm, SubmittedPerson person, Outcome refused) {
    }

    private Entry read(MigrationRecordEntity record) {
        RealmModel realm = session.realms().getRealm(record.getRealmId());
        if (realm == null) {
            return new Entry(record, null, null, Outcome.failed(Outcome.IMPORT_ERROR, "The realm no longer exists."));
        }
        JsonNode payload;
        try {
            payload = JsonSerialization.mapper.readTree(record.getPayload());
        } catch (IOException | RuntimeException e) {
            return new Entry(record, realm, null, Outcome.failed(Outcome.IMPORT_ERROR, "The stored entry is unreadable."));
        }
        try {
            return new Entry(record, realm, SubmittedPerson.read(payload), null);
        } catch (SubmittedPerson.Rejected rejected) {
            return new Entry(record, realm, null, rejected.outcome());
        }
    }

    private void finish(Entry entry, Holders holders) {
        Outcome outcome = entry.refused();
        if (outcome == null) {
            session.getContext().setRealm(entry.realm());
            try {
                outcome = new PersonImporter(session, entry.realm(), roleNames.computeIfAbsent(entry.realm().getId(),
                        id -> roleNames(entry.realm())), holders).importPerson(entry.person());
            } catch (SubmittedPerson.Rejected rejected) {
                outcome = rejected.outcome();
            }
        }
        store.complete(entry.record(), outcome);
        LanyardMetrics.countAfterCommit(session, LanyardMetrics.MIGRATION_RECORDS, "state", outcome.state().name());
        if (outcome.state() == RecordState.SUCCESS && ScreeningProvider.screens(entry.realm())) {
            migrated.add(new String[]{entry.record().getRealmId(), outcome.userId()});
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
