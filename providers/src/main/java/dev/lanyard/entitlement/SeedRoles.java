package dev.lanyard.entitlement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;

/**
 * Seed 003's Role, ClientRoleEntitlement and Entitlement objects from Keycloak's realm roles: a seed role (CONSUMER,
 * ADMIN, SHOPPER, ...) is a realm role with the attribute {@value #SEED_ROLE} = true, its entitlements are its composite
 * roles marked {@value Entitlements#ATTRIBUTE}. Ids are the seed's numbers ({@link RoleNumbers}); a mapping's id is
 * the role's number times {@value #MAPPING_FACTOR} plus the entitlement's, stable as long as both exist. Dates are the
 * role attributes {@value #CREATED} and {@value #UPDATED}, which Lanyard sets when it creates or changes a role; a role
 * made elsewhere has none (null), as Keycloak keeps no role timestamps.
 */
public final class SeedRoles {

    public static final String SEED_ROLE = "lanyard.seed-role";
    public static final String CREATED = "lanyard.created";
    public static final String UPDATED = "lanyard.updated";
    static final long MAPPING_FACTOR = 10_000;

    private final RealmModel realm;
    private final RoleNumbers numbers;

    public SeedRoles(KeycloakSession session, RealmModel realm) {
        this.realm = realm;
        this.numbers = new RoleNumbers(session, realm);
    }

    public RoleNumbers numbers() {
        return numbers;
    }

    public static boolean isSeedRole(RoleModel role) {
        return !role.isClientRole() && "true".equals(role.getFirstAttribute(SEED_ROLE));
    }

    public static boolean isEntitlement(RoleModel role) {
        return !role.isClientRole() && "true".equals(role.getFirstAttribute(Entitlements.ATTRIBUTE));
    }

    /** The tenant's seed roles, by number. */
    public Stream<RoleModel> roles() {
        return realm.getRolesStream().filter(SeedRoles::isSeedRole).sorted(Comparator.comparingLong(numbers::of));
    }

    /** The tenant's entitlements, by number. */
    public Stream<RoleModel> entitlements() {
        return realm.getRolesStream().filter(SeedRoles::isEntitlement).sorted(Comparator.comparingLong(numbers::of));
    }

    /** The entitlements a role holds directly, by number. */
    public static Stream<RoleModel> entitlementsOf(RoleModel role) {
        return role.getCompositesStream().filter(SeedRoles::isEntitlement);
    }

    /** The seed's Role object; {@code withEntitlements} false gives the list form ({@code clientRoleEntitlements} null). */
    public Map<String, Object> role(RoleModel role, boolean withEntitlements) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", numbers.of(role));
        view.put("name", role.getName());
        view.put("clientName", realm.getName());
        view.put("description", role.getDescription());
        List<Map<String, Object>> mappings = null;
        if (withEntitlements) {
            mappings = new ArrayList<>();
            for (RoleModel e : entitlementsOf(role).sorted(Comparator.comparingLong(numbers::of)).toList()) {
                Map<String, Object> mapping = new LinkedHashMap<>();
                mapping.put("id", numbers.of(role) * MAPPING_FACTOR + numbers.of(e));
                mapping.put("entitlement", entitlement(e));
                mapping.put("createdDate", null);
                mapping.put("lastUpdatedDate", null);
                mapping.put("authority", e.getName());
                mappings.add(mapping);
            }
        }
        view.put("clientRoleEntitlements", mappings);
        view.put("createdDate", date(role, CREATED));
        view.put("lastUpdatedDate", date(role, UPDATED));
        return view;
    }

    /** The seed's Entitlement object. */
    public Map<String, Object> entitlement(RoleModel entitlement) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", numbers.of(entitlement));
        view.put("name", entitlement.getName());
        view.put("description", entitlement.getDescription());
        view.put("createdDate", date(entitlement, CREATED));
        view.put("lastUpdatedDate", date(entitlement, UPDATED));
        return view;
    }

    private static Long date(RoleModel role, String attribute) {
        String value = role.getFirstAttribute(attribute);
        if (value == null && UPDATED.equals(attribute)) {
            value = role.getFirstAttribute(CREATED);
        }
        return value != null && value.matches("\\d{1,19}") ? Long.valueOf(value) : null;
    }
}
