package dev.lanyard.tenantadmin;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.PersistenceException;

import dev.lanyard.entitlement.RoleNumbers;
import dev.lanyard.entitlement.SeedRoles;
import dev.lanyard.rest.ApiError;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

/**
 * A tenant admin's changes to the tenant's roles (seed 003 ClientRole): a role is a realm role marked
 * {@value SeedRoles#SEED_ROLE}, its entitlements are its composites. No escalation: an {@code ADMIN_*} entitlement
 * the admin does not hold itself can neither be put into a role nor taken out of one, and a role carrying one cannot be
 * deleted by that admin. A role in use (held by a person, or the tenant's default) cannot be deleted.
 */
final class RoleWrites {

    static final String ROLE_NAME_TAKEN = "ROLE_NAME_TAKEN";
    static final String ROLE_IN_USE = "ROLE_IN_USE";
    static final String ENTITLEMENT_NOT_FOUND = "ENTITLEMENT_NOT_FOUND";
    static final String ENTITLEMENT_MISMATCH = "ENTITLEMENT_MISMATCH";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final UserModel admin;
    private final SeedRoles roles;

    RoleWrites(KeycloakSession session, RealmModel realm, UserModel admin, SeedRoles roles) {
        this.session = session;
        this.realm = realm;
        this.admin = admin;
        this.roles = roles;
    }

    RoleModel create(RoleForm form) {
        requireNameFree(form.name());
        Set<RoleModel> entitlements = resolve(form.entitlements());
        RoleGrants.requireHeld(realm, admin, entitlements);
        RoleModel role;
        try {
            role = realm.addRole(form.name());
        } catch (ModelDuplicateException | PersistenceException sameNameAtOnce) {
            throw taken().rollingBack();
        }
        role.setDescription(form.description());
        role.setSingleAttribute(SeedRoles.SEED_ROLE, "true");
        String now = Long.toString(Time.currentTimeMillis());
        role.setSingleAttribute(SeedRoles.CREATED, now);
        role.setSingleAttribute(SeedRoles.UPDATED, now);
        entitlements.forEach(role::addCompositeRole);
        return role;
    }

    void update(RoleModel role, RoleForm form) {
        if (form.name() != null && !form.name().equals(role.getName())) {
            requireNameFree(form.name());
            role.setName(form.name());
        }
        if (form.description() != null) {
            role.setDescription(form.description());
        }
        if (form.entitlements() != null) {
            Set<RoleModel> wanted = resolve(form.entitlements());
            List<RoleModel> current = SeedRoles.entitlementsOf(role).toList();
            List<RoleModel> changed = new ArrayList<>();
            current.stream().filter(e -> !wanted.contains(e)).forEach(changed::add);
            wanted.stream().filter(e -> !current.contains(e)).forEach(changed::add);
            RoleGrants.requireHeld(realm, admin, changed);
            current.stream().filter(e -> !wanted.contains(e)).forEach(role::removeCompositeRole);
            wanted.stream().filter(e -> !current.contains(e)).forEach(role::addCompositeRole);
        }
        role.setSingleAttribute(SeedRoles.UPDATED, Long.toString(Time.currentTimeMillis()));
    }

    void delete(RoleModel role) {
        RoleGrants.requireHeld(realm, admin, SeedRoles.entitlementsOf(role).toList());
        RoleModel defaultRole = realm.getDefaultRole();
        if (defaultRole != null && (defaultRole.equals(role) || defaultRole.getCompositesStream().anyMatch(role::equals))) {
            throw new ApiError(409, ROLE_IN_USE, "This is the tenant's default role, which every new person gets.");
        }
        long holders = session.users().getRoleMembersStream(realm, role).count();
        if (holders > 0) {
            throw new ApiError(409, ROLE_IN_USE, "This role is held by " + holders + (holders == 1 ? " person" : " persons")
                    + "; take it away from them first.");
        }
        long groups = realm.getGroupsStream().filter(g -> g.hasDirectRole(role)).count();
        if (groups > 0) {
            throw new ApiError(409, ROLE_IN_USE, "This role is granted by " + groups + (groups == 1 ? " group" : " groups") + ".");
        }
        realm.removeRole(role);
    }

    /** The entitlements the body names, each by number or name; 400 for one this tenant does not have. */
    private Set<RoleModel> resolve(List<RoleForm.EntitlementRef> refs) {
        Set<RoleModel> found = new LinkedHashSet<>();
        for (RoleForm.EntitlementRef ref : refs) {
            RoleModel byName = ref.name() == null ? null : realm.getRole(ref.name());
            if (byName != null && !SeedRoles.isEntitlement(byName)) {
                byName = null;
            }
            RoleModel byId = ref.id() == null ? null : roles.numbers().find(RoleNumbers.ENTITLEMENT, ref.id()).orElse(null);
            if (ref.id() != null && byId == null || ref.name() != null && byName == null) {
                throw ApiError.badRequest(ENTITLEMENT_NOT_FOUND, "This tenant has no entitlement "
                        + (ref.id() != null && byId == null ? "with the id " + ref.id() : "of this name") + ".");
            }
            if (byId != null && byName != null && !byId.equals(byName)) {
                throw ApiError.badRequest(ENTITLEMENT_MISMATCH, "The entitlement id " + ref.id() + " is " + byId.getName()
                        + ", not the name sent with it.");
            }
            found.add(byId != null ? byId : byName);
        }
        return found;
    }

    private void requireNameFree(String name) {
        if (realm.getRole(name) != null) {
            throw taken();
        }
    }

    private static ApiError taken() {
        return new ApiError(409, ROLE_NAME_TAKEN, "The tenant has a role of this name already.");
    }
}
