package dev.lanyard.migration.batch;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import dev.lanyard.migration.LegacyPerson;
import dev.lanyard.person.PersonRecords;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The {@link Holders} of a chunk's people, asked of the database once for the whole chunk: three queries (usernames,
 * emails, uuids) instead of three per person, which on PostgreSQL were most of an import's time. The people the chunk
 * imports are added as it goes, so two of them with one username or email get SUCCESS and CONFLICT without a
 * failed chunk. Someone another thread or node creates meanwhile is caught by the tables' unique keys at the flush
 * (the worker then takes the chunk again one by one).
 * <p>
 * The usernames and emails are read from Keycloak's {@code UserEntity} through JPA, as Keycloak's own lookups do (the
 * same columns, lower-cased as Keycloak stores them); {@code MigrationBatchIT} proves the conflicts against the real
 * schema on H2 and PostgreSQL.
 */
final class KnownPeople implements Holders {

    private static final String USERNAMES = "select u.username, u.id from UserEntity u where u.realmId = :realmId and u.username in :names";
    private static final String EMAILS = "select u.email, u.id from UserEntity u where u.realmId = :realmId and u.email in :emails";

    private final Map<String, String> usernames;
    private final Map<String, String> emails;
    private final Map<String, String> uuids;

    private KnownPeople(Map<String, String> usernames, Map<String, String> emails, Map<String, String> uuids) {
        this.usernames = usernames;
        this.emails = emails;
        this.uuids = uuids;
    }

    static KnownPeople of(KeycloakSession session, RealmModel realm, Collection<LegacyPerson> people) {
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        Set<String> names = people.stream().map(LegacyPerson::keycloakUsername).collect(Collectors.toSet());
        Set<String> mails = realm.isDuplicateEmailsAllowed() ? Set.of()
                : people.stream().map(LegacyPerson::email).filter(e -> e != null).map(KnownPeople::stored).collect(Collectors.toSet());
        Set<String> ids = people.stream().map(LegacyPerson::uuid).collect(Collectors.toSet());
        return new KnownPeople(pairs(em, USERNAMES, realm, "names", names), pairs(em, EMAILS, realm, "emails", mails),
                new PersonRecords(session).holdersOf(realm, ids));
    }

    @Override
    public Optional<String> ofUsername(LegacyPerson person) {
        return Optional.ofNullable(usernames.get(person.keycloakUsername()));
    }

    @Override
    public Optional<String> ofEmail(LegacyPerson person) {
        return Optional.ofNullable(emails.get(stored(person.email())));
    }

    @Override
    public Optional<String> ofUuid(LegacyPerson person) {
        return Optional.ofNullable(uuids.get(person.uuid()));
    }

    @Override
    public void imported(LegacyPerson person, String userId) {
        usernames.put(person.keycloakUsername(), userId);
        if (person.email() != null) {
            emails.putIfAbsent(stored(person.email()), userId);
        }
        uuids.put(person.uuid(), userId);
    }

    /** An email as Keycloak stores it (and looks it up): lower-cased. */
    private static String stored(String email) {
        return email.toLowerCase(Locale.ROOT);
    }

    private static Map<String, String> pairs(EntityManager em, String query, RealmModel realm, String parameter, Set<String> values) {
        Map<String, String> found = new HashMap<>();
        if (!values.isEmpty()) {
            em.createQuery(query, Object[].class).setParameter("realmId", realm.getId()).setParameter(parameter, values)
                    .getResultList().forEach(row -> found.put((String) row[0], (String) row[1]));
        }
        return found;
    }
}
