package dev.lanyard.tenantadmin;

import java.util.List;
import java.util.stream.Stream;

import dev.lanyard.entitlement.Entitlements;
import dev.lanyard.person.PersonView;
import dev.lanyard.rest.ApiError;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.RoleUtils;

/**
 * Which seed roles a tenant admin may grant: a realm role marked {@value PersonView#SEED_ROLE}, and no role that
 * carries an {@code ADMIN_*} entitlement the admin itself lacks (no escalation). Roles with person-side entitlements
 * only (CONSUMER, ...) and the tenant's default role are always grantable.
 */
final class RoleGrants {

    static final String ROLE_NOT_FOUND = "ROLE_NOT_FOUND";
    static final String ESCALATION = "ESCALATION";
    private static final String ADMIN_PREFIX = "ADMIN_";

    private RoleGrants() {
    }

    /** The tenant's seed role of this name; 404 {@value #ROLE_NOT_FOUND} for anything else (another tenant's roles included). */
    static RoleModel seedRole(RealmModel realm, String name) {
        RoleModel role = realm.getRole(name);
        if (role == null || role.isClientRole() || !"true".equals(role.getFirstAttribute(PersonView.SEED_ROLE))) {
            throw ApiError.notFound(ROLE_NOT_FOUND, "This tenant has no role of this name.");
        }
        return role;
    }

    /** 403 {@value #ESCALATION} when {@code role} carries an ADMIN_ entitlement that {@code admin} does not hold. */
    static void requireGrantable(RealmModel realm, UserModel admin, RoleModel role) {
        List<String> missing = adminEntitlements(role).filter(e -> !Entitlements.holds(realm, admin, e.getName()))
                .map(RoleModel::getName).sorted().toList();
        if (!missing.isEmpty()) {
            throw ApiError.forbidden(ESCALATION, "This role carries entitlements the caller does not hold: " + String.join(", ", missing) + ".");
        }
    }

    private static Stream<RoleModel> adminEntitlements(RoleModel role) {
        return RoleUtils.expandCompositeRolesStream(Stream.of(role))
                .filter(r -> !r.isClientRole() && "true".equals(r.getFirstAttribute(Entitlements.ATTRIBUTE)) && r.getName().startsWith(ADMIN_PREFIX));
    }
}
