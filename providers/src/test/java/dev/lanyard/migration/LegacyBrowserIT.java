package dev.lanyard.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.sun.net.httpserver.HttpServer;
import dev.lanyard.testing.LanyardServer;
import dev.lanyard.testing.LegacyRealm;
import dev.lanyard.testing.LegacyService;
import dev.lanyard.testing.LoginBrowser;
import dev.lanyard.testing.RequiresChromium;
import dev.lanyard.testing.Secrets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectHttpServer;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.oauth.OAuthClient;
import org.keycloak.testframework.oauth.annotations.InjectOAuthClient;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** A legacy person signs in on Keycloak's own login page in headless Chromium. */
@KeycloakIntegrationTest(config = LanyardServer.class)
@RequiresChromium
class LegacyBrowserIT {

    @InjectRealm(ref = LegacyRealm.NAME, lifecycle = LifeCycle.GLOBAL, config = LegacyRealm.class)
    ManagedRealm realm;

    @InjectHttpServer
    HttpServer httpServer;

    @InjectWebDriver
    ManagedWebDriver browser;

    @InjectOAuthClient(realmRef = LegacyRealm.NAME)
    OAuthClient oauth;

    private LegacyService legacy;

    @BeforeEach
    void fresh() {
        legacy = LegacyService.serve(httpServer);
        federation(LegacyService.BASE_URL);
        LoginBrowser.forgetKeycloakSession(browser, LegacyRealm.NAME);
    }

    @Test
    void aLegacyPersonSignsInOnTheLoginPageAndIsMigrated() {
        String name = "bea.legacy." + UUID.randomUUID().toString().substring(0, 6);
        legacy.add(name, name + "@legacy.test", "ACTIVE", "legacy-browser-1", "CONSUMER");

        oauth.openLoginForm();
        signIn(name, "legacy-browser-1");
        assertTrue(oauth.parseLoginResponse().isSuccess(), browser.driver().getPageSource());
        List<UserRepresentation> found = realm.admin().users().search(name, true);
        assertEquals(1, found.size());
        assertNull(found.get(0).getFederationLink(), "unlinked");
        assertEquals(2, legacy.calls().size());
    }

    @Test
    void legacyDownShowsAClearMessageOnTheLoginPage() {
        String name = "dan.legacy." + UUID.randomUUID().toString().substring(0, 6);
        legacy.add(name, name + "@legacy.test", "ACTIVE", "legacy-browser-2");
        federation("http://127.0.0.1:9/legacy");

        oauth.openLoginForm();
        signIn(name, "legacy-browser-2");
        String page = browser.driver().getPageSource();
        assertTrue(page.contains("Sign-in is temporarily unavailable for accounts that have not moved yet"), page);
        assertEquals(List.of(), realm.admin().users().search(name, true));
    }

    private void signIn(String username, String password) {
        WebDriver driver = browser.driver();
        LoginBrowser.awaitPresent(driver, By.id("username"));
        LoginBrowser.type(driver, By.id("username"), username);
        LoginBrowser.type(driver, By.id("password"), Secrets.record(password));
        LoginBrowser.submitAndWait(driver, By.id("kc-login"));
    }

    private void federation(String baseUrl) {
        LegacyRealm.updateFederation(realm, Map.of("legacyBaseUrl", baseUrl, "outageCooldownSeconds", "0"));
    }
}
