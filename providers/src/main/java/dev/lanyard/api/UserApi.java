package dev.lanyard.api;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import dev.lanyard.alias.AliasResource;
import dev.lanyard.duplicates.DuplicateQueryResource;
import dev.lanyard.emailotp.PasswordlessResource;
import dev.lanyard.enrollment.EnrollmentResource;
import dev.lanyard.enrollment.ExternalEnrollmentResource;
import dev.lanyard.merge.MergeResource;
import dev.lanyard.passcode.ChangePasswordResource;
import dev.lanyard.passcode.FindCodeResource;
import dev.lanyard.passcode.SendPasscodeResource;
import dev.lanyard.registration.ActivationResource;
import dev.lanyard.registration.RegistrationResource;
import dev.lanyard.rest.SeedEnvelope;
import dev.lanyard.rest.SeedResource;
import dev.lanyard.revalidation.RevalidationBatchResource;
import dev.lanyard.revalidation.RevalidationResource;
import dev.lanyard.screening.ScreeningResource;
import dev.lanyard.siteregistration.SiteRegistrationResource;
import dev.lanyard.sitelogin.SiteLoginResource;
import dev.lanyard.totp.TotpResource;
import org.keycloak.models.KeycloakSession;

/**
 * {@code /realms/{realm}/user/...}: the seed 000 user API. Locates each capability's resource; answers nothing
 * itself but unknown paths (404 in the seed's envelope, from {@link SeedResource}).
 */
public final class UserApi extends SeedResource {

    UserApi(KeycloakSession session) {
        super(session, SeedEnvelope.PLATFORM);
    }

    @Path("v2/enrollments")
    public EnrollmentResource enrollments() {
        return new EnrollmentResource(session);
    }

    @Path("external/guest/enrollments")
    public ExternalEnrollmentResource externalEnrollments() {
        return new ExternalEnrollmentResource(session);
    }

    @Path("registration")
    public RegistrationResource registration() {
        return new RegistrationResource(session);
    }

    @Path("activate-token")
    public ActivationResource activation() {
        return new ActivationResource(session);
    }

    @Path("send-passcode")
    public SendPasscodeResource sendPasscode() {
        return new SendPasscodeResource(session);
    }

    @Path("find-code")
    public FindCodeResource findCode() {
        return new FindCodeResource(session);
    }

    @Path("change-password-from-passcode")
    public ChangePasswordResource changePasswordFromPasscode() {
        return new ChangePasswordResource(session);
    }

    @Path("register/{siteId}")
    public SiteRegistrationResource siteRegistration(@PathParam("siteId") String siteId) {
        return new SiteRegistrationResource(session, siteId);
    }

    @Path("alias")
    public AliasResource aliases() {
        return new AliasResource(session);
    }

    @Path("pwless-login-send-otp")
    public PasswordlessResource passwordless() {
        return new PasswordlessResource(session);
    }

    @Path("site/{siteId}")
    public SiteLoginResource site(@PathParam("siteId") String siteId) {
        return new SiteLoginResource(session, siteId);
    }

    @Path("mfa/totp")
    public TotpResource totp() {
        return new TotpResource(session);
    }

    @Path("re-validate")
    public RevalidationResource revalidation() {
        return new RevalidationResource(session);
    }

    @Path("internal/batch/re-validate")
    public RevalidationBatchResource revalidationBatches() {
        return new RevalidationBatchResource(session);
    }

    @Path("queries")
    public DuplicateQueryResource duplicateQueries() {
        return new DuplicateQueryResource(session);
    }

    @Path("internal/clean-duplicate-accounts")
    public MergeResource merges() {
        return new MergeResource(session);
    }

    @Path("internal/screening")
    public ScreeningResource screening() {
        return new ScreeningResource(session);
    }
}
