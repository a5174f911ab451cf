package dev.lanyard.screening;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.lanyard.audit.PersonAudits;
import dev.lanyard.metrics.LanyardMetrics;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Screens one person of a realm against the current SDN list and records it. A potential match
 * puts the person on hold (the {@value SanctionsReviewRequiredAction#ID} required action, and their
 * sessions end) when the realm enables that required action; otherwise it is only flagged. A match an
 * admin has decided (FALSE_POSITIVE or CONFIRMED) is not raised again while the person's name and the
 * SDN entry's name stay the same: the new screening records that decision, carried over.
 */
final class DefaultScreeningProvider implements ScreeningProvider {

    private static final Logger LOG = Logger.getLogger(DefaultScreeningProvider.class);

    private final KeycloakSession session;
    private final SanctionsLists lists;

    DefaultScreeningProvider(KeycloakSession session, SanctionsLists lists) {
        this.session = session;
        this.lists = lists;
    }

    @Override
    public boolean listLoaded() {
        return lists.current(session).isPresent();
    }

    @Override
    public Optional<String> listInUse() {
        return lists.current(session).map(screener -> screener.list().version());
    }

    @Override
    public SanctionsLists.Refresh refreshList() {
        return lists.refresh(session);
    }

    @Override
    public Optional<ScreeningEntity> screen(RealmModel realm, UserModel user, String trigger) {
        String first = blankToNull(user.getFirstName());
        String last = blankToNull(user.getLastName());
        if (first == null && last == null) {
            return Optional.empty();
        }
        Optional<Screener> screener = lists.current(session);
        if (screener.isEmpty()) {
            LOG.debugf("No SDN list is loaded yet: a user of realm %s was not screened", realm.getName());
            return Optional.empty();
        }
        long started = System.nanoTime();
        List<ScreeningMatch> matches = screener.get().screen(first == null ? "" : first, last == null ? "" : last);
        ScreeningStore store = new ScreeningStore(session);
        ScreeningEntity screening = new ScreeningEntity();
        screening.setRealmId(realm.getId());
        screening.setUserId(user.getId());
        screening.setUsername(user.getUsername());
        screening.setScreenedName(cut(Stream.of(first, last).filter(s -> s != null).collect(Collectors.joining(" ")), 512));
        screening.setListVersion(screener.get().list().version());
        screening.setTrigger(trigger);
        screening.setCreatedAt(Time.currentTimeMillis());
        if (matches.isEmpty()) {
            screening.setStatus(ScreeningStatus.CLEAR.name());
        } else {
            ScreeningMatch best = matches.get(0);
            screening.setStatus(ScreeningStatus.POTENTIAL_MATCH.name());
            screening.setScore(best.score());
            screening.setEntryNumber(best.entryNumber());
            screening.setMatchedName(cut(best.matchedName(), 512));
            screening.setEntryName(cut(best.entryName(), 512));
            screening.setPrograms(cut(String.join(",", best.programs()), 255));
            Optional<ScreeningEntity> decided = store.decidedBefore(screening);
            if (decided.isPresent()) {
                // An admin already decided this very match: a rescreen (say, every night) must not raise it again.
                screening.setStatus(decided.get().getStatus());
                screening.setResolvedBy(decided.get().getResolvedBy());
                screening.setResolvedAt(screening.getCreatedAt());
                screening.setNote(cut("Carried over from screening " + decided.get().getId() + ": same name, same SDN entry.", 1000));
            } else if (holdsInRealm(realm)) {
                user.addRequiredAction(SanctionsReviewRequiredAction.ID);
                session.sessions().getUserSessionsStream(realm, user).toList()
                        .forEach(userSession -> session.sessions().removeUserSession(realm, userSession));
            }
        }
        store.add(screening);
        PersonAudits.record(session, realm, user, "OFAC_SCREENING", "UPDATE", true,
                "OFAC screening (" + trigger + "): " + screening.getStatus()
                        + (screening.getEntryNumber() == null ? "" : ", SDN entry " + screening.getEntryNumber() + " score " + screening.getScore()),
                null);
        LOG.debugf("Screened a user of realm %s: %s", realm.getName(), screening.getStatus());
        LanyardMetrics.timeAfterCommit(session, LanyardMetrics.SCREENINGS, System.nanoTime() - started, "realm", realm.getName(),
                "status", screening.getStatus());
        return Optional.of(screening);
    }

    @Override
    public int resolve(RealmModel realm, UserModel user, ScreeningStatus decision, String resolvedBy, String note) {
        List<ScreeningEntity> open = new ScreeningStore(session).openOfUser(realm.getId(), user.getId());
        for (ScreeningEntity screening : open) {
            screening.setStatus(decision.name());
            screening.setResolvedBy(cut(resolvedBy, 255));
            screening.setResolvedAt(Time.currentTimeMillis());
            screening.setNote(cut(note, 1000));
        }
        if (!open.isEmpty()) {
            if (decision == ScreeningStatus.FALSE_POSITIVE) {
                user.removeRequiredAction(SanctionsReviewRequiredAction.ID);
            } else {
                user.setEnabled(false);
            }
            PersonAudits.record(session, realm, user, "OFAC_SCREENING_RESOLVE", "UPDATE", true,
                    "OFAC screening resolved as " + decision + " by " + resolvedBy, null);
            session.getKeycloakSessionFactory().publish(new ScreeningResolvedEvent(session, realm, user, decision));
        }
        return open.size();
    }

    @Override
    public List<ScreeningEntity> history(RealmModel realm, UserModel user, int max) {
        return new ScreeningStore(session).ofUser(realm.getId(), user.getId(), max);
    }

    @Override
    public void screenAfterCommit(String realmId, String userId, String trigger) {
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                screenInNewTransaction(factory, List.<String[]>of(new String[]{realmId, userId}), trigger);
            }

            @Override
            protected void rollbackImpl() {
                // the change did not happen: nothing to screen
            }
        });
    }

    @Override
    public void screenCommitted(List<String[]> people, String trigger) {
        screenInNewTransaction(session.getKeycloakSessionFactory(), people, trigger);
    }

    private static void screenInNewTransaction(KeycloakSessionFactory factory, List<String[]> people, String trigger) {
        if (people.isEmpty()) {
            return;
        }
        try {
            KeycloakModelUtils.runJobInTransaction(factory, s -> people.forEach(p -> screenStored(s, p[0], p[1], trigger)));
        } catch (RuntimeException together) {
            for (String[] person : people) {
                try {
                    KeycloakModelUtils.runJobInTransaction(factory, s -> screenStored(s, person[0], person[1], trigger));
                } catch (RuntimeException e) {
                    LOG.warnf("Screening a user of realm %s failed (%s); revalidate them with callType OFAC", person[0],
                            e.getClass().getSimpleName());
                }
            }
        }
    }

    /** Screens a stored person in {@code session}, a transaction of its own. */
    private static void screenStored(KeycloakSession session, String realmId, String userId, String trigger) {
        RealmModel realm = session.realms().getRealm(realmId);
        if (realm == null) {
            return;
        }
        session.getContext().setRealm(realm); // Keycloak's user store refuses lookups of another realm than the context's
        // Through session.users(): the hold a screening sets must reach the user cache, which sign-ins read.
        UserModel user = session.users().getUserById(realm, userId);
        if (user != null) {
            session.getProvider(ScreeningProvider.class).screen(realm, user, trigger);
        }
    }

    /** Whether the realm blocks potential matches (its sanctions review required action is enabled) or only flags them. */
    static boolean holdsInRealm(RealmModel realm) {
        RequiredActionProviderModel action = realm.getRequiredActionProviderByAlias(SanctionsReviewRequiredAction.ID);
        return action != null && action.isEnabled();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
