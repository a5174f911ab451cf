package dev.lanyard.screening;

import java.io.IOException;
import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * This node's screener for the newest list version in the database. The database is the truth
 * (one node downloads, every node reads the same rows); this is only a node-local cache of the
 * parsed index, rebuilt when a newer version appears, checked at most every {@value #RECHECK_MILLIS} ms.
 */
public final class SanctionsLists {

    private static final Logger LOG = Logger.getLogger(SanctionsLists.class);
    static final long RECHECK_MILLIS = 30_000;

    private record Loaded(String version, Screener screener, long checkedAt) {
    }

    private final ScreeningSettings settings;
    private volatile Loaded loaded;

    SanctionsLists(ScreeningSettings settings) {
        this.settings = settings;
    }

    /** The screener of the newest list; empty while no list was ever loaded. */
    public Optional<Screener> current(KeycloakSession session) {
        Loaded now = loaded;
        if (now != null && Time.currentTimeMillis() - now.checkedAt() < RECHECK_MILLIS) {
            return Optional.of(now.screener());
        }
        synchronized (this) {
            now = loaded;
            if (now != null && Time.currentTimeMillis() - now.checkedAt() < RECHECK_MILLIS) {
                return Optional.of(now.screener());
            }
            ScreeningStore store = new ScreeningStore(session);
            Optional<String> newest = store.newestListVersion();
            if (newest.isEmpty()) {
                return Optional.ofNullable(now).map(Loaded::screener);
            }
            if (now != null && now.version().equals(newest.get())) {
                loaded = new Loaded(now.version(), now.screener(), Time.currentTimeMillis());
                return Optional.of(now.screener());
            }
            Optional<SanctionsListEntity> row = store.list(newest.get());
            try {
                if (row.isPresent()) {
                    SanctionsList list = ListSource.parse(row.get().getSdnCsv(), row.get().getAltCsv());
                    loaded = new Loaded(newest.get(), new Screener(list, settings.minScore()), Time.currentTimeMillis());
                    LOG.infof("Sanctions screening uses SDN list %s", newest.get());
                }
            } catch (IOException e) {
                LOG.warnf("The stored SDN list %s is unreadable (%s); screening keeps the list it had", newest.get(), e.getMessage());
            }
            return Optional.ofNullable(loaded).map(Loaded::screener);
        }
    }

    /** What a refresh did: stored a new version, found the version stored already, or failed (the last good list stays). */
    public record Refresh(Outcome outcome, String version, int entries, String message) {
        public enum Outcome { STORED, UNCHANGED, FAILED }
    }

    /**
     * Fetches the list from its source and stores it if it is a version the database does not have; run by
     * one node at a time on schedule, or on an admin's request. A failed fetch (no answer, an error status, a
     * cut or inconsistent publication) changes nothing: the stored versions, and so every node's, stay.
     */
    Refresh refresh(KeycloakSession session) {
        if (settings.listSource() == null) {
            return new Refresh(Refresh.Outcome.FAILED, null, 0, "No list-source is configured.");
        }
        ListSource.Fetched fetched;
        try {
            fetched = new ListSource(settings.listSource(), settings.timeout()).fetch(session);
        } catch (IOException | RuntimeException e) {
            LOG.warnf("The SDN list could not be loaded from its source (%s); screening keeps the last good list", e.getMessage());
            return new Refresh(Refresh.Outcome.FAILED, null, 0, "The list could not be loaded from its source: " + e.getMessage());
        }
        ScreeningStore store = new ScreeningStore(session);
        String version = fetched.list().version();
        if (store.list(version).isPresent()) {
            return new Refresh(Refresh.Outcome.UNCHANGED, version, fetched.list().size(), null);
        }
        SanctionsListEntity row = new SanctionsListEntity();
        row.setId(KeycloakModelUtils.generateId());
        row.setVersion(version);
        row.setLoadedAt(Time.currentTimeMillis());
        row.setSource(ListSource.display(settings.listSource()));
        row.setEntries(fetched.list().size());
        row.setSdnCsv(fetched.sdn());
        row.setAltCsv(fetched.alt());
        store.addList(row);
        Loaded now = loaded;
        if (now != null) {
            loaded = new Loaded(now.version(), now.screener(), 0); // this node reads the new version at its next screening
        }
        LOG.infof("Stored SDN list %s (%d entries)", version, fetched.list().size());
        return new Refresh(Refresh.Outcome.STORED, version, fetched.list().size(), null);
    }
}
