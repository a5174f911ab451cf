package dev.lanyard.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The account lifecycle in a browser (headless Chromium): the activation link of the mail opens a page that says the
 * account is active (the token is then spent for REST too), and an alias signs in at the email-code step.
 */
@KeycloakIntegrationTest(config = LanyardServer.class)
@RequiresChromium
class AccountBrowserIT {

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
    void theActivationLinkActivatesInTheBrowserOnce() {
        String site = Passwordless.siteToken();
        Registered person = Accounts.register(site, "browser-activation");
        String link = Accounts.activationLink(mailbox, person.email(), 1);

        browser.open(link);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> d.findElement(By.tagName("body")).getText()
                .contains("Your account is active"));
        new EmailOtpLoginPage(browser.driver()).screenshot("account-activated");
        assertTrue(browser.driver().findElements(By.cssSelector("a[href='http://localhost:8080/realms/demo/account/']")).size() > 0
                        || browser.driver().getPageSource().contains("http://localhost:8080/realms/demo/account/"),
                "the page links to the site");

        Accounts.signIn(site, person.email(), Accounts.PASSWORD); // active: the password signs in
        assertEquals(409, Accounts.activate(site, person.userId(), Accounts.tokenOf(link)).status(), "already active");

        browser.open(link);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> d.findElement(By.tagName("body")).getText()
                .contains("already"));
    }

    @Test
    void anAliasSignsInAtTheEmailCodeStep() {
        String site = Passwordless.siteToken();
        Registered person = Accounts.active(site, mailbox, "browser-alias");
        String token = Accounts.signIn(site, person.email(), Accounts.PASSWORD).get("access_token").asText();
        String alias = "web-" + UUID.randomUUID().toString().substring(0, 6);
        assertEquals(201, Api.postJson(Accounts.USER + "/alias", token, Api.json(Map.of("alias", alias))).status());

        oauth.openLoginForm();
        EmailOtpLoginPage page = new EmailOtpLoginPage(browser.driver());
        page.identify(alias).awaitCodePage();
        page.enterCode(mailbox.awaitCode(person.email(), 2));
        assertTrue(oauth.parseLoginResponse().isSuccess(), "signed in by alias: " + browser.driver().getPageSource());
    }
}
