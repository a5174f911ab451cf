package dev.lanyard.emailotp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import dev.lanyard.testing.Api;
import dev.lanyard.testing.DemoRealm;
import dev.lanyard.testing.EmailOtpLoginPage;
import dev.lanyard.testing.EmailOtpStep;
import dev.lanyard.testing.LanyardServer;
import dev.lanyard.testing.LoginBrowser;
import dev.lanyard.testing.MailText;
import dev.lanyard.testing.Mailbox;
import dev.lanyard.testing.RequiresChromium;
import dev.lanyard.testing.Secrets;
import dev.lanyard.testing.TestUsers;
import dev.lanyard.testing.TestUsers.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.IDToken;
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
import org.keycloak.testsuite.util.oauth.AccessTokenResponse;
import org.keycloak.testsuite.util.oauth.AuthorizationEndpointResponse;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A person signing in to an app through the demo realm's browser flow, in headless Chromium. */
@KeycloakIntegrationTest(config = LanyardServer.class)
@RequiresChromium
class EmailOtpBrowserIT {

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
        page = new EmailOtpLoginPage(browser.driver());
        mailbox = new Mailbox(mailServer);
        signOutOfKeycloak();
        oauth.openLoginForm();
    }

    /** What a browser reload does on a login page: GET the current step again. */
    private void reload() {
        browser.open(browser.getCurrentUrl());
    }

    private void signOutOfKeycloak() {
        LoginBrowser.forgetKeycloakSession(browser);
    }

    @Test
    void signsInWithTheEmailedCodeAndLandsInTheApp() {
        TestUser user = TestUsers.create(realm, "nina");
        assertTrue(page.isIdentifyPage(), "The demo flow starts with the email OTP step");
        page.screenshot("email-otp-identify");

        page.identify(user.email()).awaitCodePage();
        assertTrue(page.banner().contains("If an account exists for " + user.email()), page.banner());
        page.screenshot("email-otp-code");

        String code = mailbox.awaitCode(user.email(), 1);
        page.enterCode(code);

        AuthorizationEndpointResponse redirect = oauth.parseLoginResponse();
        assertTrue(redirect.isSuccess(), "Redirected back to the app with an authorization code");
        AccessTokenResponse tokens = oauth.doAccessTokenRequest(redirect.getCode());
        assertNotNull(Secrets.record(tokens.getAccessToken()));
        Secrets.record(tokens.getRefreshToken());
        IDToken idToken = oauth.verifyIDToken(Secrets.record(tokens.getIdToken()));
        assertEquals(user.email(), idToken.getEmail());
    }

    @Test
    void theReadmeWalkthroughLandsInTheAccountConsole() {
        TestUser user = TestUsers.create(realm, "uma");
        browser.open(Api.realmUrl(DemoRealm.NAME) + "/account");
        page.identify(user.email()).awaitCodePage();
        page.enterCode(mailbox.awaitCode(user.email(), 1));

        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d ->
                d.getCurrentUrl().startsWith(Api.realmUrl(DemoRealm.NAME) + "/account")
                        && d.findElement(By.tagName("body")).getText().contains("Personal info"));
        page.screenshot("account-console");
    }

    @Test
    void aUsernameWorksAsWellAsAnEmail() {
        TestUser user = TestUsers.create(realm, "omar");
        page.identify(user.username()).awaitCodePage();
        page.enterCode(mailbox.awaitCode(user.email(), 1));
        assertTrue(oauth.parseLoginResponse().isSuccess());
    }

    @Test
    void aWrongCodeShowsAnErrorAndTheRightOneStillSignsIn() {
        TestUser user = TestUsers.create(realm, "pia");
        page.identify(user.email()).awaitCodePage();
        String code = mailbox.awaitCode(user.email(), 1);

        page.enterCode(PasswordlessRestIT.otherCode(code)).awaitCodePage();
        assertEquals("This code is invalid or has expired. Check it, or send a new code.", page.fieldError("otp"));
        page.screenshot("email-otp-wrong-code");

        page.enterCode(code);
        assertTrue(oauth.parseLoginResponse().isSuccess());
    }

    @Test
    void wrongCodesInTheBrowserAndOverRestAddUpToOneLockout() {
        TestUser user = TestUsers.create(realm, "vic");
        String siteToken = Api.clientToken(DemoRealm.NAME, DemoRealm.SITE, DemoRealm.SITE_SECRET);
        String restLogin = Api.realmUrl(DemoRealm.NAME) + "/user/site/" + DemoRealm.SITE + "/login/pwless-otp";
        for (int i = 0; i < 3; i++) {
            assertEquals(401, Api.postJson(restLogin, siteToken, Api.json(Map.of("email", user.email(), "otp", "000000"))).status());
        }

        page.identify(user.email()).awaitCodePage();
        String code = mailbox.awaitCode(user.email(), 1);
        page.enterCode(PasswordlessRestIT.otherCode(code)).awaitCodePage();
        page.enterCode(PasswordlessRestIT.otherCode(code)).awaitCodePage();

        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d ->
                Boolean.TRUE.equals(realm.admin().attackDetection().bruteForceUserStatus(user.id()).get("disabled")));
        page.enterCode(code).awaitCodePage();
        assertEquals("Too many failed attempts: the account is temporarily locked. Try again later.", page.fieldError("otp"));
        page.screenshot("email-otp-locked");
    }

    @Test
    void anUnknownAddressWalksTheSamePagesAndGetsNoMail() {
        String unknown = "ghost-" + System.nanoTime() + "@lanyard.test";
        page.identify(unknown).awaitCodePage();
        assertEquals("If an account exists for " + unknown + ", we have emailed it a one-time code.", page.banner());
        reload();
        assertTrue(page.isCodePage(), "A reload keeps the code page, as for a known address");

        page.enterCode("123456").awaitCodePage();
        assertEquals("This code is invalid or has expired. Check it, or send a new code.", page.fieldError("otp"));

        TestUser marker = TestUsers.create(realm, "marker");
        signOutOfKeycloak();
        oauth.openLoginForm();
        page.identify(marker.email()).awaitCodePage();
        mailbox.awaitCode(marker.email(), 1);
        assertTrue(mailbox.messagesTo(unknown).isEmpty(), "No mail for an unknown address");
    }

    @Test
    void sendingANewCodeVoidsTheOldOne() {
        EmailOtpStep.configure(realm, Map.of("resendCooldownSeconds", "0"));
        TestUser user = TestUsers.create(realm, "quinn");
        page.identify(user.email()).awaitCodePage();
        String first = mailbox.awaitCode(user.email(), 1);

        page.resend().awaitCodePage();
        assertTrue(page.banner().contains("we have emailed it a new code"), page.banner());
        String second = mailbox.awaitCode(user.email(), 2);

        if (!first.equals(second)) {
            page.enterCode(first).awaitCodePage();
            assertEquals("This code is invalid or has expired. Check it, or send a new code.", page.fieldError("otp"));
        }
        page.enterCode(second);
        assertTrue(oauth.parseLoginResponse().isSuccess());
    }

    @Test
    void resendingWithinTheCooldownIsRefusedWithTheWaitingTime() {
        TestUser user = TestUsers.create(realm, "rex");
        page.identify(user.email()).awaitCodePage();
        mailbox.awaitCode(user.email(), 1);

        reload();
        assertTrue(page.isCodePage(), "A reload shows the code page again");
        assertEquals("", page.banner(), "and sends nothing");

        page.resend().awaitCodePage();
        assertEquals("Please wait 30 seconds between two codes, then try again.", page.banner());
        assertEquals(1, mailbox.messagesTo(user.email()).size());
    }

    @Test
    void pagesAndMailFollowThePersonsLanguage() throws Exception {
        TestUser user = TestUsers.create(realm, "sven");
        oauth.loginForm().uiLocales("de").open();
        assertEquals("Mit einem Code per E-Mail anmelden", page.heading());

        page.identify(user.email()).awaitCodePage();
        MimeMessage mail = mailbox.awaitMessage(user.email(), 1);
        assertEquals("Ihr Anmeldecode für Lanyard Demo", mail.getSubject());
        String text = MailText.plainText(mail);
        assertTrue(text.contains("Minuten gültig"), text);
        assertTrue(MailText.html(mail).contains("Anmeldecode"));
        page.enterCode(Mailbox.codeIn(mail));
        assertTrue(oauth.parseLoginResponse().isSuccess());
    }

    @Test
    void theMailHasATextAndAnHtmlPartWithTheCode() throws Exception {
        TestUser user = TestUsers.create(realm, "tara");
        page.identify(user.email()).awaitCodePage();
        MimeMessage mail = mailbox.awaitMessage(user.email(), 1);
        String code = Mailbox.codeIn(mail);

        assertEquals("Your sign-in code for Lanyard Demo", mail.getSubject());
        assertTrue(MailText.plainText(mail).contains("Your sign-in code is " + code));
        assertTrue(MailText.html(mail).contains(">" + code + "<"), "The HTML part shows the code");
        assertTrue(MailText.html(mail).contains("Lanyard Demo"), "Branded layout with the realm name");
    }

    @Test
    void anAddressOutsideTheAllowedDomainsIsRefusedOnTheFirstPage() {
        EmailOtpStep.configure(realm, Map.of("allowedDomains", "lanyard.test"));
        page.identify("someone@example.com");
        assertTrue(page.isIdentifyPage());
        assertEquals("Sign-in with a code is not available for this email domain.", page.fieldError("username"));
    }
}
