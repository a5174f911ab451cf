package dev.lanyard.concierge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.lanyard.alias.AliasProvider;
import dev.lanyard.duplicates.ContactKeys;
import dev.lanyard.issuer.IssuerScope;
import dev.lanyard.rest.ApiError;
import dev.lanyard.rest.ErrorCodes;
import dev.lanyard.rest.LocalPeople;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.storage.UserStoragePrivateUtil;

/**
 * The cardholder a concierge call names, among the people of the caller's issuers only. Someone outside them and
 * someone who does not exist get the same 404, so an agent cannot learn who is another issuer's cardholder. Lookups
 * stay in Keycloak's own store (a concierge read never imports a person from the legacy system).
 */
final class Cardholders {

    static final String CARDHOLDER_NOT_FOUND = "CARDHOLDER_NOT_FOUND";
    static final String AMBIGUOUS_CARDHOLDER = "AMBIGUOUS_CARDHOLDER";
    /** A phone lookup compares the numbers of at most this many of the issuers' cardholders. */
    static final int MAX_PHONE_SCAN = 20_000;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final IssuerScope scope;

    Cardholders(KeycloakSession session, RealmModel realm, IssuerScope scope) {
        this.session = session;
        this.realm = realm;
        this.scope = scope;
    }

    /** A cardholder the caller may see, with their registrations to the caller's issuers' sites (never empty). */
    record Cardholder(UserModel person, Map<String, Long> registrations) {
    }

    /** By exactly one of the four; 400 for none or several, 404 for nobody the caller may see. */
    Cardholder find(String email, String userId, String phone, String alias) {
        long given = Stream.of(email, userId, phone, alias).filter(v -> v != null && !v.isBlank()).count();
        if (given != 1) {
            throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "Give exactly one of the query parameters email, userId, phone, alias.");
        }
        UserModel found;
        if (present(email)) {
            found = byEmail(email.trim());
        } else if (present(userId)) {
            found = LocalPeople.find(session, realm, userId.trim(), userId.trim()).orElse(null);
        } else if (present(alias)) {
            AliasProvider aliases = session.getProvider(AliasProvider.class);
            found = aliases == null || alias.length() > 255 ? null : aliases.findUser(realm, alias.trim());
        } else {
            found = byPhone(phone);
        }
        return visible(found);
    }

    /** The person by Keycloak id or username if the caller may see them; 404 otherwise. */
    UserModel byId(String userId) {
        if (!present(userId)) {
            throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "The field 'userId' is required.");
        }
        return visible(LocalPeople.find(session, realm, userId.trim(), userId.trim()).orElse(null)).person();
    }

    private Cardholder visible(UserModel person) {
        Map<String, Long> registrations = person == null || person.getServiceAccountClientLink() != null ? Map.of()
                : scope.registrations(person);
        if (registrations.isEmpty()) {
            throw notFound();
        }
        return new Cardholder(person, registrations);
    }

    private UserModel byEmail(String email) {
        if (email.length() > 254 || email.chars().anyMatch(Character::isISOControl)) {
            return null;
        }
        try {
            UserModel local = UserStoragePrivateUtil.userLocalStorage(session).getUserByEmail(realm, email);
            return local == null ? null : session.users().getUserById(realm, local.getId());
        } catch (ModelDuplicateException shared) {
            throw ApiError.badRequest(AMBIGUOUS_CARDHOLDER, "Several accounts share this email address; look the cardholder up by userId.");
        }
    }

    /** Phones are kept as people gave them: compared in E.164 over the issuers' cardholders. */
    private UserModel byPhone(String phone) {
        String wanted = ContactKeys.phone(phone, ContactKeys.countryCode(realm));
        if (wanted == null) {
            throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "The query parameter 'phone' is not a phone number.");
        }
        List<UserModel> matches = new ArrayList<>();
        String country = ContactKeys.countryCode(realm);
        scope.scan(MAX_PHONE_SCAN, person -> {
            if (wanted.equals(ContactKeys.phone(person.getFirstAttribute(ContactKeys.PHONE), country))) {
                matches.add(person);
            }
        });
        if (matches.size() > 1) {
            throw ApiError.badRequest(AMBIGUOUS_CARDHOLDER, "Several cardholders share this phone number; look the cardholder up by userId.");
        }
        return matches.isEmpty() ? null : matches.get(0);
    }

    static ApiError notFound() {
        return ApiError.notFound(CARDHOLDER_NOT_FOUND, "No cardholder matches.");
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
