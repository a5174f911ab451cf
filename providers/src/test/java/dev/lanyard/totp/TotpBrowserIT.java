package dev.lanyard.totp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import dev.lanyard.testing.Api;
import dev.lanyard.testing.Authenticator;
import dev.lanyard.testing.DemoRealm;
import dev.lanyard.testing.EmailOtpLoginPage;
import dev.lanyard.testing.EmailOtpStep;
import dev.lanyard.testing.LanyardServer;
import dev.lanyard.testing.LoginBrowser;
import dev.lanyard.testing.Mailbox;
import dev.lanyard.testing.Passwordless;
import dev.lanyard.testing.RequiresChromium;
import dev.lanyard.testing.TestUsers;
import dev.lanyard.testing.TestUsers.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.oauth.OAuthClient;
import org.keycloak.testframework.oauth.annotations.InjectOAuthClient;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Email code then authenticator app, in headless Chromium, through the demo realm's flows. */
@KeycloakIntegrationTest(config = LanyardServer.class)
@RequiresChromium
class TotpBrowserIT {

    @InjectRealm(lifecycle = LifeCycle.GLOBAL, fromJson = DemoRealm.JSON, config = DemoRealm.class)
    ManagedRealm realm;

    @InjectMailServer
    MailServer mailServer;

    @InjectWebDriver
    ManagedWebDriver browser;

    @InjectOAuthClient
    OAuthClient oauth;

    private EmailOtpLoginPage page;
    private Mailbox mailbox;

    @BeforeEach
    void freshBrowser() {
        EmailOtpStep.configure(realm, Map.of("resendCooldownSeconds", "0"));
        page = new EmailOtpLoginPage(browser.driver());
        mailbox = new Mailbox(mailServer);
        signOutOfKeycloak();
    }

    @Test
    void anEnrolledUserSignsInWithTheEmailCodeThenTheAppsCode() {
        TestUser user = TestUsers.create(realm, "gil");
        Authenticator app = enrollOverRest(user);

        oauth.openLoginForm();
        emailStep(user);
        assertTrue(isOtpForm(), "Keycloak's OTP form follows the email code");
        page.screenshot("totp-form");
        submitOtp(app.freshCode());
        assertTrue(oauth.parseLoginResponse().isSuccess());
    }

    @Test
    void aReplayedAppCodeIsRefused() {
        TestUser user = TestUsers.create(realm, "hana");
        Authenticator app = enrollOverRest(user);
        oauth.openLoginForm();
        emailStep(user);
        String code = app.freshCode();
        submitOtp(code);
        assertTrue(oauth.parseLoginResponse().isSuccess());

        signOutOfKeycloak();
        oauth.openLoginForm();
        emailStep(user);
        submitOtp(code);
        assertTrue(isOtpForm(), "Still on the OTP form");
        assertEquals("Invalid authenticator code.", browser.driver().findElement(By.cssSelector("[id^='input-error-otp']")).getText());
        submitOtp(app.freshCode());
        assertTrue(oauth.parseLoginResponse().isSuccess());
    }

    @Test
    void usersWithoutADeviceSkipTheStepOnOrdinarySites() {
        TestUser user = TestUsers.create(realm, "ivo");
        oauth.openLoginForm();
        emailStep(user);
        assertTrue(oauth.parseLoginResponse().isSuccess(), "No device, no second step on demo-site's flow");
    }

    @Test
    void aSiteThatRequiresTotpMakesUsersSetUpTheirApp() {
        TestUser user = TestUsers.create(realm, "jill");
        browser.open(Api.realmUrl(DemoRealm.NAME) + "/protocol/openid-connect/auth?client_id=demo-secure-site&response_type=code"
                + "&scope=openid&redirect_uri=" + URLEncoder.encode(Api.realmUrl(DemoRealm.NAME) + "/.well-known/openid-configuration",
                StandardCharsets.UTF_8));
        emailStep(user);

        WebDriver driver = browser.driver();
        LoginBrowser.awaitPresent(driver, By.id("totpSecret"));
        page.screenshot("totp-setup-required");
        Authenticator app = Authenticator.fromRawSecret(driver.findElement(By.id("totpSecret")).getAttribute("value"));
        LoginBrowser.type(driver, By.id("totp"), app.freshCode());
        LoginBrowser.type(driver, By.id("userLabel"), "Work phone");
        LoginBrowser.submitAndWait(driver, By.cssSelector("input[type='submit'], button[type='submit']"));

        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("code="));
        CredentialRepresentation device = realm.admin().users().get(user.id()).credentials().stream()
                .filter(c -> "otp".equals(c.getType())).findFirst().orElseThrow(() -> new AssertionError("No OTP credential"));
        assertEquals("Work phone", device.getUserLabel());
    }

    private Authenticator enrollOverRest(TestUser user) {
        String token = Passwordless.signIn(mailbox, user).get("access_token").asText();
        String mfa = Api.realmUrl(DemoRealm.NAME) + "/user/mfa/totp";
        Authenticator app = Authenticator.fromBase32(Api.postJson(mfa + "/setup", token, "").json().get("secret").asText());
        assertEquals(201, Api.postJson(mfa + "/enroll", token, Api.json(Map.of("totp", app.freshCode()))).status());
        return app;
    }

    private void emailStep(TestUser user) {
        int before = mailbox.messagesTo(user.email()).size();
        page.identify(user.email()).awaitCodePage();
        page.enterCode(mailbox.awaitCode(user.email(), before + 1));
    }

    private boolean isOtpForm() {
        return !browser.driver().findElements(By.id("kc-otp-login-form")).isEmpty();
    }

    /** Keycloak's own OTP form. */
    private void submitOtp(String code) {
        WebDriver driver = browser.driver();
        LoginBrowser.awaitPresent(driver, By.id("kc-otp-login-form"));
        LoginBrowser.type(driver, By.id("otp"), code);
        LoginBrowser.submitAndWait(driver, By.id("kc-login"));
    }

    private void signOutOfKeycloak() {
        LoginBrowser.forgetKeycloakSession(browser);
    }
}
