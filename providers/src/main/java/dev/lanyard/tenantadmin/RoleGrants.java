package dev.lanyard.tenantadmin;

import java.util.List;
import java.util.stream.Stream;

import dev.lanyard.entitlement.Entitlements;
import dev.lanyard.entitlement.RoleNumbers;
import dev.lanyard.entitlement.SeedRoles;
import dev.lanyard.rest.ApiError;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.RoleUtils;

/**
 * Which seed roles a tenant admin may grant: a realm role marked {@value SeedRoles#SEED_ROLE}, and no role that
 * carries an {@code ADMIN_*} entitlement the admin itself lacks (no escalation). Roles with person-side entitlements
 * only (CONSUMER, ...) and the tenant's default role are always grantable.
 */
final class RoleGrants {

    static final String ROLE_NOT_FOUND = "ROLE_NOT_FOUND";
    static final String ESCALATION = "ESCALATION";
    private static final String ADMIN_PREFIX = "ADMIN_";

    private RoleGrants() {
    }

    /**
     * The tenant's seed role of this number ({@code 3}) or name ({@code CONSUMER}); 404 {@value #ROLE_NOT_FOUND} for
     * anything else (another tenant's roles, entitlements and Keycloak's own roles included).
     */
    static RoleModel seedRole(RealmModel realm, SeedRoles roles, String numberOrName) {
        if (numberOrName.length() > 255 || numberOrName.chars().anyMatch(Character::isISOControl)) {
            // No role has such a name, and the database would refuse to look for it (PostgreSQL and NUL).
            throw ApiError.notFound(ROLE_NOT_FOUND, "This tenant has no role of this name.");
        }
        RoleModel role = numberOrName.matches("\\d{1,12}")
                ? roles.numbers().find(RoleNumbers.ROLE, Long.parseLong(numberOrName)).orElse(null)
                : realm.getRole(numberOrName);
        if (role == null || !SeedRoles.isSeedRole(role)) {
            throw ApiError.notFound(ROLE_NOT_FOUND, "This tenant has no role " + (role == null && numberOrName.matches("\\d{1,12}")
                    ? "with this id." : "of this name."));
        }
        return role;
    }

    /** 403 {@value #ESCALATION} when any of {@code entitlements} is an ADMIN_ entitlement that {@code admin} does not hold. */
    static void requireHeld(RealmModel realm, UserModel admin, java.util.Collection<RoleModel> entitlements) {
        List<String> missing = entitlements.stream().filter(e -> e.getName().startsWith(ADMIN_PREFIX))
                .filter(e -> !Entitlements.holds(realm, admin, e.getName())).map(RoleModel::getName).sorted().distinct().toList();
        if (!missing.isEmpty()) {
            throw ApiError.forbidden(ESCALATION, "The caller does not hold these entitlements itself: " + String.join(", ", missing) + ".");
        }
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
