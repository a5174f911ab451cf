package dev.lanyard.tenantadmin;

import java.util.Map;

import dev.lanyard.audit.PersonAudits;
import dev.lanyard.rest.Caller;
import dev.lanyard.securityanswer.SecurityAnswersRequiredActionFactory;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * What a tenant admin changes is a Keycloak admin event, as if done in the admin console: the realm's admin-event
 * store keeps it (when admin events are on) and its listeners get it, so {@code lanyard-audit} writes the ADMIN
 * record with the caller as actor. Representations name what changed (uuid, field names, role names), never
 * values a person entered: the admin-event store is not redacted.
 */
final class TenantAdminEvents {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final Caller caller;

    TenantAdminEvents(KeycloakSession session, RealmModel realm, Caller caller) {
        this.session = session;
        this.realm = realm;
        this.caller = caller;
    }

    void person(OperationType operation, UserModel person, Map<String, ?> representation) {
        builder().operation(operation).resource(ResourceType.USER).resourcePath("users", person.getId())
                .representation(representation).success();
    }

    void personRoles(OperationType operation, UserModel person, RoleModel role) {
        builder().operation(operation).resource(ResourceType.REALM_ROLE_MAPPING).resourcePath("users", person.getId(), "role-mappings", "realm")
                .representation(Map.of("roleName", role.getName())).success();
    }

    void role(OperationType operation, RoleModel role, Map<String, ?> representation) {
        builder().operation(operation).resource(ResourceType.REALM_ROLE).resourcePath("roles-by-id", role.getId())
                .representation(representation).success();
    }

    void securityQuestions(OperationType operation, Map<String, ?> representation) {
        builder().operation(operation).resource(ResourceType.REQUIRED_ACTION_CONFIG)
                .resourcePath("authentication", "required-actions", SecurityAnswersRequiredActionFactory.ID, "config")
                .representation(representation).success();
    }

    /** Reads of a person have no admin event in Keycloak: an ADMIN audit record of action READ instead. */
    void personRead(UserModel person, String name) {
        PersonAudits.adminRead(session, realm, person, name, caller.user() == null ? null : caller.user().getId(),
                caller.client() == null ? null : caller.client().getClientId());
    }

    private AdminEventBuilder builder() {
        AdminAuth auth = new AdminAuth(realm, caller.token(), caller.user(), caller.client());
        return new AdminEventBuilder(realm, auth, session, session.getContext().getConnection());
    }
}
