package dev.lanyard.authservice;

import static dev.lanyard.testing.AuthService.call;
import static dev.lanyard.testing.AuthService.data;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.lanyard.testing.Accounts;
import dev.lanyard.testing.Accounts.Registered;
import dev.lanyard.testing.Api;
import dev.lanyard.testing.DemoRealm;
import dev.lanyard.testing.EmailOtpLoginPage;
import dev.lanyard.testing.LanyardServer;
import dev.lanyard.testing.LoginBrowser;
import dev.lanyard.testing.Mailbox;
import dev.lanyard.testing.Passwordless;
import dev.lanyard.testing.RequiresChromium;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages of seed 003's credentials in a browser (headless Chromium): the "Set a PIN" and "Answer a security
 * question" required actions at sign-in, under the realm's PIN policy, a closed account that cannot sign in, and a
 * person a tenant admin created with resetRequired, whom Keycloak's "Update password" page greets at the first sign-in.
 */
@KeycloakIntegrationTest(config = LanyardServer.class)
@RequiresChromium
class AuthServiceBrowserIT {

    @InjectRealm(lifecycle = LifeCycle.GLOBAL, fromJson = DemoRealm.JSON, config = DemoRealm.class)
    ManagedRealm realm;

    @InjectMailServer
    MailServer mailServer;

    @InjectWebDriver
    ManagedWebDriver browser;

    @InjectOAuthClient
    OAuthClient oauth;

    private Mailbox mailbox;

    @BeforeEach
    void freshBrowser() {
        mailbox = new Mailbox(mailServer);
        LoginBrowser.forgetKeycloakSession(browser);
    }

    @Test
    void aPersonSetsAPinUnderThePolicyAndAnswersAQuestionAtSignIn() {
        String site = Passwordless.siteToken();
        Registered person = Accounts.active(site, mailbox, "pin-page");
        require(person, "lanyard-pin", "lanyard-security-answers");

        oauth.openLoginForm();
        EmailOtpLoginPage login = new EmailOtpLoginPage(browser.driver());
        login.identify(person.email()).awaitCodePage();
        login.enterCode(mailbox.awaitCode(person.email(), 2));

        awaitForm("kc-lanyard-pin");
        pin("12", "12");
        assertTrue(text().contains("A PIN has 4 to 6 digits."), text());
        pin("1234", "1243");
        assertTrue(text().contains("The two PINs differ."), text());
        pin("1234", "1234");

        awaitForm("kc-lanyard-security-answer");
        assertTrue(text().contains("What was the make and model of your first car?"), text());
        new Select(browser.driver().findElement(By.id("questionId"))).selectByValue("3");
        browser.driver().findElement(By.id("answer")).sendKeys("Lincoln Elementary");
        submit();
        assertTrue(oauth.parseLoginResponse().isSuccess(), "signed in after both pages: " + browser.driver().getPageSource());

        List<String> types = realm.admin().users().get(person.userId()).credentials().stream().map(c -> c.getType()).toList();
        assertTrue(types.containsAll(List.of("lanyard-pin", "lanyard-security-answer")), types.toString());
        var validated = call("POST", "/api/validate/pin", site, Api.json(Map.of("pin", "1234", "uuid", person.userId())));
        assertTrue(data(validated).get("pinValidated").asBoolean(), validated.body());
        String token = Accounts.signIn(site, person.email(), Accounts.PASSWORD).get("access_token").asText();
        var answered = call("GET", "/api/myinfo/securityQuestions", token, null);
        assertEquals(3, data(answered).get(0).get("securityQuestion").get("id").asInt(), answered.body());
    }

    @Test
    void aClosedAccountGetsNoSignInCode() throws InterruptedException {
        String site = Passwordless.siteToken();
        Registered person = Accounts.active(site, mailbox, "closed-page");
        String token = Accounts.signIn(site, person.email(), Accounts.PASSWORD).get("access_token").asText();
        assertEquals(200, call("DELETE", "/api/deregister/" + person.userId(), token, null, "tenantName", DemoRealm.NAME).status());

        oauth.openLoginForm();
        EmailOtpLoginPage page = new EmailOtpLoginPage(browser.driver()).identify(person.email());
        Thread.sleep(1500);
        page.screenshot("closed-account");
        assertFalse(page.isCodePage(), "a closed account is refused at the first step: " + text());
        assertTrue(text().contains("Account is disabled"), text());
        assertEquals(1, mailbox.messagesTo(person.email()).size(), "only the activation mail: a closed account gets no code");
    }

    @Test
    void aPersonAnAdminCreatedWithResetRequiredSetsANewPasswordAtFirstSignIn() {
        String tag = java.util.UUID.randomUUID().toString().substring(0, 8);
        String email = "first-" + tag + "@lanyard.test";
        String admin = Api.clientToken(DemoRealm.NAME, DemoRealm.PARTNER, DemoRealm.PARTNER_SECRET);
        var created = call("POST", "/admin/client/person", admin, Api.json(Map.of("contact", email, "contactType", "EMAIL", "firstName", "First",
                "lastName", "Signin", "password", "Temporary-" + tag + "!", "personType", "SUBSCRIBER", "resetRequired", true,
                "username", "first" + tag, "uuid", "first-" + tag)), "tenantName", DemoRealm.NAME);
        assertEquals(200, created.status(), created.body());
        assertEquals("INACTIVE", data(created).get("status").asText());

        int mails = mailbox.messagesTo(email).size();
        oauth.openLoginForm();
        EmailOtpLoginPage login = new EmailOtpLoginPage(browser.driver());
        login.identify(email).awaitCodePage();
        login.enterCode(mailbox.awaitCode(email, mails + 1));
        awaitForm("kc-passwd-update-form");
        String chosen = "Chosen-" + tag + "-Pass1!";
        browser.driver().findElement(By.id("password-new")).sendKeys(chosen);
        WebElement confirm = browser.driver().findElement(By.id("password-confirm"));
        confirm.sendKeys(chosen);
        confirm.submit();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(confirm));
        assertTrue(oauth.parseLoginResponse().isSuccess(), "signed in after the new password: " + browser.driver().getPageSource());

        String site = Passwordless.siteToken();
        String token = Accounts.signIn(site, email, chosen).get("access_token").asText();
        var me = data(call("GET", "/api/myinfo", token, null));
        assertEquals("ACTIVE", me.get("status").asText(), me.toString());
        assertFalse(me.get("needChangePassword").asBoolean());
    }

    private void require(Registered person, String... actions) {
        UserRepresentation user = realm.admin().users().get(person.userId()).toRepresentation();
        user.setRequiredActions(List.of(actions));
        realm.admin().users().get(person.userId()).update(user);
    }

    private void awaitForm(String id) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> !d.findElements(By.id(id)).isEmpty());
    }

    private void pin(String pin, String confirm) {
        browser.driver().findElement(By.id("pin")).sendKeys(pin);
        browser.driver().findElement(By.id("pinConfirm")).sendKeys(confirm);
        submit();
    }

    /** Submits the page's form and waits until the browser shows the next page (this one again, or the next one). */
    private void submit() {
        WebElement button = browser.driver().findElement(By.id("kc-submit"));
        button.click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(button));
    }

    private String text() {
        return browser.driver().findElement(By.tagName("body")).getText();
    }
}
