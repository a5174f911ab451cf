package dev.lanyard.site;

import dev.lanyard.rest.ApiError;
import dev.lanyard.rest.Caller;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;

/**
 * Sites are OIDC clients of the realm ({@code siteId} = clientId). A caller may act for a site when
 * its token was issued to that site's client, or when its client's service account holds the site
 * client's {@value #PARTNER_ROLE} role (granted in the admin console: the partner client's "Service
 * account roles" tab, role of the site client).
 */
public final class Sites {

    public static final String PARTNER_ROLE = "site-partner";

    public static final String SITE_NOT_FOUND = "SITE_NOT_FOUND";
    public static final String SITE_NOT_ALLOWED = "SITE_NOT_ALLOWED";
    public static final String SITE_DISABLED = "SITE_DISABLED";

    private static final int MAX_SITE_ID_LENGTH = 255;

    private Sites() {
    }

    /** The site named {@code siteId} if the caller may act for it; 404 / 403 otherwise. */
    public static ClientModel authorize(RealmModel realm, Caller caller, String siteId) {
        // Control characters never name a client, and a NUL byte would fail PostgreSQL's query (a 500).
        boolean plausible = siteId != null && !siteId.isBlank() && siteId.length() <= MAX_SITE_ID_LENGTH
                && siteId.chars().noneMatch(Character::isISOControl);
        ClientModel site = plausible ? realm.getClientByClientId(siteId) : null;
        if (site == null) {
            throw ApiError.notFound(SITE_NOT_FOUND, "No site with this siteId exists in this tenant.");
        }
        if (!mayActFor(caller, site)) {
            throw ApiError.forbidden(SITE_NOT_ALLOWED, "The caller's client may not act for this site.");
        }
        if (!site.isEnabled()) {
            throw ApiError.forbidden(SITE_DISABLED, "This site is disabled.");
        }
        return site;
    }

    /** Whether the caller may act for the site (its own client, or a partner holding the site's role). */
    public static boolean mayActFor(Caller caller, ClientModel site) {
        if (caller.client().getId().equals(site.getId())) {
            return true;
        }
        RoleModel partner = site.getRole(PARTNER_ROLE);
        return partner != null && caller.user() != null && caller.user().hasRole(partner);
    }
}
