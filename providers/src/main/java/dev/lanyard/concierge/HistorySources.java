package dev.lanyard.concierge;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.lanyard.audit.PersonAudits;
import dev.lanyard.rest.ApiError;
import dev.lanyard.rest.ErrorCodes;
import org.keycloak.events.Event;
import org.keycloak.events.EventStoreProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Where a cardholder's history comes from: the person's audit trail (what Lanyard and its listeners recorded, with the
 * actor) and the realm's stored Keycloak events of that user (sign-ins and their failures, kept when the realm saves
 * events). Each source gives at most {@value #MAX_PER_SOURCE} entries of the range, newest first.
 */
final class HistorySources {

    static final int MAX_PER_SOURCE = 5_000;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final Map<String, Optional<UserModel>> actors = new HashMap<>();

    HistorySources(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    List<History.Entry> audit(UserModel person, long from, long to) {
        return PersonAudits.trail(session, realm, person.getId(), from, to, MAX_PER_SOURCE).stream()
                .map(r -> new History.Entry(r.time(), r.ok() ? r.name() : r.name() + "_ERROR", actor(person, r.actorUserId(), r.clientId()),
                        r.summary()))
                .toList();
    }

    List<History.Entry> events(UserModel person, long from, long to) {
        EventStoreProvider store = session.getProvider(EventStoreProvider.class);
        if (store == null) {
            return List.of();
        }
        return store.createQuery().realm(realm.getId()).user(person.getId()).fromDate(from).toDate(to).orderByDescTime()
                .maxResults(MAX_PER_SOURCE).getResultStream()
                .map(e -> new History.Entry(e.getTime(), e.getType().name(), actor(person, null, e.getClientId()), summary(e)))
                .toList();
    }

    /** Who acted: an agent or admin by username, else the client the person used, else the person. */
    private String actor(UserModel person, String actorUserId, String clientId) {
        if (actorUserId != null && !actorUserId.equals(person.getId())) {
            // One lookup per actor and request: a trail names the same few agents many times.
            UserModel actor = actors.computeIfAbsent(actorUserId, id -> Optional.ofNullable(session.users().getUserById(realm, id)))
                    .orElse(null);
            if (actor != null) {
                return actor.getServiceAccountClientLink() != null && clientId != null ? clientId : actor.getUsername();
            }
        }
        return clientId != null ? clientId : person.getUsername();
    }

    private static String summary(Event event) {
        String words = event.getType().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        String text = Character.toUpperCase(words.charAt(0)) + words.substring(1);
        return event.getError() == null ? text : text + " (" + event.getError() + ")";
    }

    /** {@code from}: an ISO date (its first instant, UTC) or instant; absent is the beginning of time. */
    static long from(String value) {
        return bound(value, "from", false, 0L);
    }

    /** {@code to}: an ISO date (its last millisecond, UTC) or instant; absent is now and after. */
    static long to(String value) {
        return bound(value, "to", true, Long.MAX_VALUE);
    }

    private static long bound(String value, String name, boolean endOfDay, long fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String text = value.trim();
        try {
            if (text.length() == 10) {
                LocalDate date = LocalDate.parse(text);
                return endOfDay ? date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - 1
                        : date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            }
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "'" + name + "' must be an ISO date (2026-12-01) or instant.");
        }
    }
}
