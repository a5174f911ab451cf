package dev.lanyard.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lanyard.testing.Api;
import dev.lanyard.testing.Api.Reply;
import dev.lanyard.testing.LanyardServer;
import dev.lanyard.testing.LoginBrowser;
import dev.lanyard.testing.RequiresChromium;
import dev.lanyard.testing.ScreeningRealm;
import dev.lanyard.testing.Secrets;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;
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

/**
 * A listed person registers on Keycloak's own registration page (headless Chromium): the account is
 * created, screened once the registration commits, held (their session ends and the next sign-in stops
 * at the review page) and both are in their audit trail; an admin clears them and they sign in.
 */
@KeycloakIntegrationTest(config = LanyardServer.class)
@RequiresChromium
class ScreeningBrowserIT {

    private static final String PASSWORD = "screening-browser-1";

    @InjectRealm(ref = ScreeningRealm.NAME, lifecycle = LifeCycle.GLOBAL, config = ScreeningRealm.class)
    ManagedRealm realm;

    @InjectWebDriver
    ManagedWebDriver browser;

    @InjectOAuthClient(realmRef = ScreeningRealm.NAME)
    OAuthClient oauth;

    private String compliance;

    @BeforeEach
    void setUp() {
        Assumptions.assumeTrue(java.nio.file.Files.isRegularFile(LanyardServer.OFAC_SNAPSHOT.resolve("sdn.csv")),
                "The OFAC snapshot is expected at " + LanyardServer.OFAC_SNAPSHOT);
        ScreeningRealm.enableHold(realm);
        ScreeningRealm.grantComplianceRoles(realm);
        compliance = Api.clientToken(ScreeningRealm.NAME, ScreeningRealm.COMPLIANCE, ScreeningRealm.COMPLIANCE_SECRET);
        LoginBrowser.forgetKeycloakSession(browser, ScreeningRealm.NAME);
    }

    @Test
    void aListedNameRegisteringInTheBrowserIsHeldUntilCleared() {
        String username = "noriega-" + UUID.randomUUID().toString().substring(0, 6);
        oauth.openRegistrationForm();
        WebDriver driver = browser.driver();
        LoginBrowser.awaitPresent(driver, By.id("firstName"));
        LoginBrowser.type(driver, By.id("username"), username);
        LoginBrowser.type(driver, By.id("email"), username + "@screening.test");
        LoginBrowser.type(driver, By.id("firstName"), "Manuel Antonio");
        LoginBrowser.type(driver, By.id("lastName"), "Noriega");
        LoginBrowser.type(driver, By.id("password"), Secrets.record(PASSWORD));
        LoginBrowser.type(driver, By.id("password-confirm"), PASSWORD);
        LoginBrowser.submitAndWait(driver, By.cssSelector("#kc-form-buttons [type=submit]"));
        assertTrue(oauth.parseLoginResponse().isSuccess(), "registered: " + driver.getPageSource());

        List<UserRepresentation> found = realm.admin().users().search(username, true);
        assertEquals(1, found.size(), "the account exists");
        String userId = found.get(0).getId();
        JsonNode screening = awaitScreening(userId);
        assertEquals("POTENTIAL_MATCH", screening.get("status").asText(), screening.toString());
        assertEquals("REGISTER", screening.get("trigger").asText());
        assertEquals(1572, screening.get("entryNumber").asInt());

        // Held: the next sign-in stops at the review page, with no code for the app.
        LoginBrowser.forgetKeycloakSession(browser, ScreeningRealm.NAME);
        signIn(username);
        String page = driver.getPageSource();
        assertTrue(page.contains("Your account is being reviewed"), page);
        assertFalse(driver.getCurrentUrl().contains("code="), driver.getCurrentUrl());

        String trail = Api.get(Api.realmUrl(ScreeningRealm.NAME) + "/auth/admin/client/person/audit/" + username, compliance).body();
        assertTrue(trail.contains("\"name\":\"REGISTER\""), trail);
        assertTrue(trail.contains("\"name\":\"OFAC_SCREENING\"") && trail.contains("POTENTIAL_MATCH"), trail);

        Reply cleared = Api.postJson(url("/internal/screening/" + userId + "/resolve"), compliance,
                Api.json(Map.of("status", "FALSE_POSITIVE", "note", "Another person: date of birth differs")));
        assertEquals(200, cleared.status(), cleared.body());
        LoginBrowser.forgetKeycloakSession(browser, ScreeningRealm.NAME);
        signIn(username);
        assertTrue(oauth.parseLoginResponse().isSuccess(), "cleared, the person signs in: " + driver.getPageSource());
    }

    private void signIn(String username) {
        oauth.openLoginForm();
        WebDriver driver = browser.driver();
        LoginBrowser.awaitPresent(driver, By.id("username"));
        LoginBrowser.type(driver, By.id("username"), username);
        LoginBrowser.type(driver, By.id("password"), PASSWORD);
        LoginBrowser.submitAndWait(driver, By.id("kc-login"));
    }

    private JsonNode awaitScreening(String userId) {
        return ScreeningRealm.awaitScreenings(ScreeningRealm.NAME, compliance, userId, 1);
    }

    private static String url(String path) {
        return Api.realmUrl(ScreeningRealm.NAME) + "/user" + path;
    }
}
