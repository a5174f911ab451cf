package dev.lanyard.issuer;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import dev.lanyard.rest.ApiError;
import dev.lanyard.rest.Caller;
import dev.lanyard.siteregistration.SiteRegistrationProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

/**
 * "Concierge access is restricted by issuer site associations": which cardholders a caller may see. The caller's
 * issuers come from its client ({@value Issuers#ISSUERS}, and a site's own {@value Issuers#SITE_ISSUER}) or, for an
 * agent (a person holding {@value Issuers#AGENT_ROLE}), from the agent's user attribute; a cardholder is visible when
 * registered to a site of one of them. Built per request: nothing is kept between requests.
 */
public final class IssuerScope {

    public static final String NOT_AN_AGENT = "NOT_AN_AGENT";
    public static final String NO_ISSUER = "NO_ISSUER_ASSOCIATION";

    private static final int MAX_SITES = 1000;
    private static final int SCAN_PAGE = 500;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final Set<String> siteIds;

    private IssuerScope(KeycloakSession session, RealmModel realm, Set<String> siteIds) {
        this.session = session;
        this.realm = realm;
        this.siteIds = siteIds;
    }

    /** The caller's scope; 403 for a person without the agent role, or a caller associated with no issuer. */
    public static IssuerScope of(KeycloakSession session, RealmModel realm, Caller caller) {
        Set<String> issuers = new LinkedHashSet<>();
        if (caller.isServiceAccount()) {
            issuers.addAll(Issuers.parse(caller.client().getAttribute(Issuers.ISSUERS)));
            issuers.addAll(Issuers.parse(caller.client().getAttribute(Issuers.SITE_ISSUER)));
        } else {
            RoleModel agent = realm.getRole(Issuers.AGENT_ROLE);
            UserModel person = caller.user();
            if (person == null || agent == null || !person.hasRole(agent)) {
                throw ApiError.forbidden(NOT_AN_AGENT, "This endpoint takes a concierge agent's token (realm role "
                        + Issuers.AGENT_ROLE + ") or a back-office client's.");
            }
            issuers.addAll(Issuers.parse(person.getFirstAttribute(Issuers.ISSUERS)));
        }
        if (issuers.isEmpty()) {
            throw ApiError.forbidden(NO_ISSUER, "The caller is associated with no issuer (attribute " + Issuers.ISSUERS + ").");
        }
        // Keycloak searches client attributes only from a server-wide allow-list; the realm's clients come from its cache.
        Set<String> siteIds = new LinkedHashSet<>();
        realm.getClientsStream().filter(client -> issuers.contains(client.getAttribute(Issuers.SITE_ISSUER))).limit(MAX_SITES)
                .map(ClientModel::getId).forEach(siteIds::add);
        return new IssuerScope(session, realm, siteIds);
    }

    /** Internal ids of the site clients of the caller's issuers. */
    public Set<String> siteIds() {
        return siteIds;
    }

    /** The person's registrations to the caller's issuers' sites: site client id to registration time; empty if none. */
    public Map<String, Long> registrations(UserModel person) {
        Map<String, Long> all = registrationsProvider().sitesOf(realm, person);
        all.keySet().retainAll(siteIds);
        return all;
    }

    /** How far a {@link #scan} went: people visited, and whether that was all of them. */
    public record Scan(int scanned, boolean complete) {
    }

    /**
     * Visits the caller's issuers' cardholders, a page at a time, at most {@code max} of them: for the lists that compare
     * values Keycloak does not index (phones in E.164, names with dates of birth).
     */
    public Scan scan(int max, Consumer<UserModel> visitor) {
        int scanned = 0;
        for (int first = 0; ; first += SCAN_PAGE) {
            List<String> ids = registrationsProvider().peopleOfSites(realm, siteIds, first, SCAN_PAGE);
            for (String id : ids) {
                UserModel person = session.users().getUserById(realm, id);
                if (person != null) {
                    visitor.accept(person);
                }
            }
            scanned += ids.size();
            if (ids.size() < SCAN_PAGE) {
                return new Scan(scanned, true);
            }
            if (scanned >= max) {
                return new Scan(scanned, false);
            }
        }
    }

    private SiteRegistrationProvider registrationsProvider() {
        return session.getProvider(SiteRegistrationProvider.class);
    }
}
