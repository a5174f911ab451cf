package dev.lanyard.api;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import dev.lanyard.audit.PersonAuditResource;
import dev.lanyard.person.CheckUserExistResource;
import dev.lanyard.person.DeregisterResource;
import dev.lanyard.person.MyInfoResource;
import dev.lanyard.pin.PinResource;
import dev.lanyard.pin.PinValidationResource;
import dev.lanyard.securityanswer.MySecurityAnswerResource;
import dev.lanyard.securityanswer.MySecurityQuestionsResource;
import dev.lanyard.securityanswer.ResetByAnswerResource;
import dev.lanyard.securityanswer.SecurityQuestionsResource;
import dev.lanyard.tenantadmin.EntitlementResource;
import dev.lanyard.tenantadmin.PersonAdminResource;
import dev.lanyard.tenantadmin.PersonRoleResource;
import dev.lanyard.tenantadmin.RoleAdminResource;
import dev.lanyard.tenantadmin.SecurityQuestionAdminResource;
import dev.lanyard.tenantadmin.TenantResource;
import dev.lanyard.rest.SeedEnvelope;
import dev.lanyard.rest.SeedResource;
import org.keycloak.models.KeycloakSession;

/** {@code /realms/{realm}/auth/...}: the seed 003 auth service. Locates each capability's resource; answers nothing itself. */
public final class AuthApi extends SeedResource {

    AuthApi(KeycloakSession session) {
        super(session, SeedEnvelope.AUTH_SERVICE);
    }

    @Path("api/myinfo")
    public MyInfoResource myInfo() {
        return new MyInfoResource(session);
    }

    @Path("api/myinfo/changePin")
    public PinResource changePin() {
        return new PinResource(session);
    }

    @Path("api/myinfo/securityQuestions")
    public MySecurityQuestionsResource mySecurityQuestions() {
        return new MySecurityQuestionsResource(session);
    }

    @Path("api/myinfo/securityAnswer")
    public MySecurityAnswerResource mySecurityAnswer() {
        return new MySecurityAnswerResource(session);
    }

    @Path("api/securityQuestions")
    public SecurityQuestionsResource securityQuestions() {
        return new SecurityQuestionsResource(session);
    }

    @Path("api/reset")
    public ResetByAnswerResource resetByAnswer() {
        return new ResetByAnswerResource(session);
    }

    @Path("api/checkUserExist")
    public CheckUserExistResource checkUserExist() {
        return new CheckUserExistResource(session);
    }

    @Path("api/deregister")
    public DeregisterResource deregister() {
        return new DeregisterResource(session);
    }

    @Path("api/validate/pin")
    public PinValidationResource validatePin() {
        return new PinValidationResource(session);
    }

    @Path("admin/client/person")
    public PersonAdminResource personAdmin() {
        return new PersonAdminResource(session);
    }

    @Path("admin/client/person/role")
    public PersonRoleResource personRoles() {
        return new PersonRoleResource(session);
    }

    @Path("admin/client/role")
    public RoleAdminResource roles() {
        return new RoleAdminResource(session);
    }

    @Path("admin/client/entitlement")
    public EntitlementResource entitlements() {
        return new EntitlementResource(session);
    }

    @Path("admin/client/securityQuestions")
    public SecurityQuestionAdminResource securityQuestionAdmin() {
        return new SecurityQuestionAdminResource(session);
    }

    /** Literal segments under admin/client ({@code person}, {@code role}, {@code entitlement}, {@code securityQuestions}) win over this template: no tenant is read under such a name. */
    @Path("admin/client/{tenantName}")
    public TenantResource tenant(@PathParam("tenantName") String tenantName) {
        return new TenantResource(session, tenantName);
    }

    @Path("admin/client/person/audit")
    public PersonAuditResource personAudit() {
        return new PersonAuditResource(session);
    }
}
