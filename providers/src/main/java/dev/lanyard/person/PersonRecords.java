package dev.lanyard.person;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import dev.lanyard.rest.ApiError;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The seed's {@code uuid} of people and their {@link PersonEntity} records, in the session's transaction. A
 * {@code uuid} is the stored one, else the Keycloak user id: people created in Keycloak without one are named by it.
 */
public final class PersonRecords {

    public static final String PERSON_NOT_FOUND = "PERSON_NOT_FOUND";

    private final KeycloakSession session;
    private final EntityManager em;

    public PersonRecords(KeycloakSession session) {
        this.session = session;
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    /** The person a seed {@code uuid} names in this realm: a stored uuid first, else a Keycloak id of a local user. */
    public Optional<UserModel> find(RealmModel realm, String uuid) {
        Optional<PersonEntity> stored = em.createNamedQuery("lanyardPersonByUuid", PersonEntity.class)
                .setParameter("realmId", realm.getId()).setParameter("uuid", uuid).getResultStream().findFirst();
        if (stored.isPresent()) {
            return Optional.ofNullable(session.users().getUserById(realm, stored.get().getUserId()));
        }
        UserModel byId = session.users().getUserById(realm, uuid);
        if (byId == null || byId.getServiceAccountClientLink() != null) {
            return Optional.empty();
        }
        // A Keycloak id that another person took as their stored uuid is theirs (the lookup above); else it names this one.
        return record(byId).map(PersonEntity::getUuid).filter(own -> !own.equals(uuid)).isPresent() ? Optional.empty() : Optional.of(byId);
    }

    /** The user id of whoever holds {@code uuid} as their stored uuid (the table only: no user lookup). */
    public Optional<String> holderOf(RealmModel realm, String uuid) {
        return em.createNamedQuery("lanyardPersonByUuid", PersonEntity.class).setParameter("realmId", realm.getId())
                .setParameter("uuid", uuid).getResultStream().findFirst().map(PersonEntity::getUserId);
    }

    /** Who holds each of {@code uuids} as their stored uuid (uuid to user id; the uuids nobody holds are absent), in one query. */
    public Map<String, String> holdersOf(RealmModel realm, Collection<String> uuids) {
        Map<String, String> holders = new HashMap<>();
        if (!uuids.isEmpty()) {
            em.createNamedQuery("lanyardHoldersOfUuids", Object[].class).setParameter("realmId", realm.getId())
                    .setParameter("uuids", uuids).getResultList().forEach(row -> holders.put((String) row[0], (String) row[1]));
        }
        return holders;
    }

    /** The person {@code uuid} names; 400 for a malformed uuid, 404 {@value #PERSON_NOT_FOUND} for nobody of this realm. */
    public UserModel require(RealmModel realm, String uuid) {
        return find(realm, SeedPersons.requireUuid(uuid))
                .orElseThrow(() -> ApiError.notFound(PERSON_NOT_FOUND, "No person with this uuid in this tenant."));
    }

    public String uuidOf(UserModel user) {
        return record(user).map(PersonEntity::getUuid).orElse(user.getId());
    }

    public Optional<PersonEntity> record(UserModel user) {
        return Optional.ofNullable(em.find(PersonEntity.class, user.getId()));
    }

    /**
     * Gives the person the seed uuid {@code uuid} (the legacy system's, for migrated people). Another person holding it
     * already meets the table's unique key: a {@link PersistenceException} or {@link ModelDuplicateException}.
     */
    public void assignUuid(RealmModel realm, UserModel user, String uuid) {
        PersonEntity record = orNew(realm, user);
        record.setUuid(uuid);
        em.flush();
    }

    /**
     * As {@link #assignUuid}, written with the rest of the transaction (a migration chunk's people in one go): the
     * unique key is checked at commit, after the caller looked the uuid up.
     */
    public void assignUuidAtCommit(RealmModel realm, UserModel user, String uuid) {
        orNew(realm, user).setUuid(uuid);
    }

    /**
     * As {@link #assignUuidAtCommit}, for a user created in this transaction, who cannot have a record yet: no lookup
     * (a bulk import saves a database round trip per person).
     */
    public void assignUuidOfNewUserAtCommit(RealmModel realm, UserModel user, String uuid) {
        PersonEntity record = newRecord(realm.getId(), user.getId());
        record.setUuid(uuid);
        em.persist(record);
    }

    /** The record of {@code user}, created if it has none (not yet flushed). */
    PersonEntity orNew(RealmModel realm, UserModel user) {
        PersonEntity record = em.find(PersonEntity.class, user.getId());
        if (record == null) {
            record = newRecord(realm.getId(), user.getId());
            em.persist(record);
        }
        return record;
    }

    private static PersonEntity newRecord(String realmId, String userId) {
        PersonEntity record = new PersonEntity();
        record.setUserId(userId);
        record.setRealmId(realmId);
        return record;
    }

    /**
     * Notes a sign-in. A person with a record (all but a first sign-in) gets an update in the sign-in's own
     * transaction: one statement, no second transaction (session, connection, commit) per sign-in.
     * A first sign-in inserts the record in a transaction of its own, so that racing another first sign-in can never
     * fail the sign-in itself.
     */
    static void signedIn(KeycloakSession session, String realmId, String userId, long at) {
        if (!noteSignIn(session, userId, at)) {
            firstSignIn(session.getKeycloakSessionFactory(), realmId, userId, at);
        }
    }

    private static void firstSignIn(KeycloakSessionFactory factory, String realmId, String userId, long at) {
        try {
            KeycloakModelUtils.runJobInTransaction(factory, s -> {
                if (!noteSignIn(s, userId, at)) {
                    PersonEntity record = newRecord(realmId, userId);
                    record.setLastSignInAt(at);
                    s.getProvider(JpaConnectionProvider.class).getEntityManager().persist(record);
                }
            });
        } catch (PersistenceException | ModelDuplicateException sameUserAtTheSameMoment) {
            KeycloakModelUtils.runJobInTransaction(factory, s -> noteSignIn(s, userId, at));
        }
    }

    /** Sets the record's last sign-in in {@code session}'s transaction; false if the person has no record yet. */
    private static boolean noteSignIn(KeycloakSession session, String userId, long at) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager().createNamedQuery("lanyardSignedIn")
                .setParameter("at", at).setParameter("userId", userId).executeUpdate() > 0;
    }

    static void removeUser(KeycloakSession session, String userId) {
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        PersonEntity record = em.find(PersonEntity.class, userId);
        if (record != null) {
            em.remove(record);
        }
    }

    static void removeRealm(KeycloakSession session, String realmId) {
        session.getProvider(JpaConnectionProvider.class).getEntityManager().createNamedQuery("lanyardDeletePersonsOfRealm")
                .setParameter("realmId", realmId).executeUpdate();
    }
}
