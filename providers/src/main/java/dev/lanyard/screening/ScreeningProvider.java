package dev.lanyard.screening;

import java.util.List;
import java.util.Optional;

import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.Provider;

/**
 * Sanctions screening of a realm's people against this server's SDN list, for every package that creates or
 * changes people ({@code session.getProvider(ScreeningProvider.class)}). A person is screened in realms that
 * list the {@value ScreeningEventListenerFactory#ID} event listener.
 */
public interface ScreeningProvider extends Provider {

    /**
     * The {@code register_method} detail of a REGISTER event whose request screened the person itself before
     * answering (an enrollment): the event listener does not screen it a second time.
     */
    String SCREENED_IN_REQUEST = "lanyard-enrollment";

    /** Whether the realm screens its people (its event listeners include {@value ScreeningEventListenerFactory#ID}). */
    static boolean screens(RealmModel realm) {
        return realm.getEventsListenersStream().anyMatch(ScreeningEventListenerFactory.ID::equals);
    }

    /** Whether a sanctions list is loaded on this node, so that people can be screened. */
    boolean listLoaded();

    /** Screens the person now, in the session's transaction; empty when no list is loaded or the person has no name. */
    Optional<ScreeningEntity> screen(RealmModel realm, UserModel user, String trigger);

    /**
     * Screens the person once the session's transaction has committed, in a transaction of its own (so a screening
     * never slows or fails the change, and sees the names as stored); nothing if it rolls back.
     */
    void screenAfterCommit(String realmId, String userId, String trigger);

    /**
     * Screens people whose change has committed ({realmId, userId} each), in one transaction of their own, one by
     * one if that fails; a failure is logged, never thrown at the change that caused it.
     */
    void screenCommitted(List<String[]> people, String trigger);

    /**
     * An admin's decision on the person's open potential matches: FALSE_POSITIVE lifts the hold, CONFIRMED keeps
     * it and disables the account. Returns how many screenings it resolved.
     */
    int resolve(RealmModel realm, UserModel user, ScreeningStatus decision, String resolvedBy, String note);

    /** The person's screenings, newest first. */
    List<ScreeningEntity> history(RealmModel realm, UserModel user, int max);

    /**
     * Fetches the list from its source now and stores it if it is new; a failed fetch changes nothing (the last
     * good list stays in use).
     */
    SanctionsLists.Refresh refreshList();

    /** The version of the list this node screens against, if any. */
    Optional<String> listInUse();

    @Override
    default void close() {
    }
}
