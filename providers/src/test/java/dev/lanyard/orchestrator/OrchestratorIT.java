package dev.lanyard.orchestrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lanyard.testing.Accounts;
import dev.lanyard.testing.Api;
import dev.lanyard.testing.Api.Reply;
import dev.lanyard.testing.DemoRealm;
import dev.lanyard.testing.LanyardServer;
import dev.lanyard.testing.LoginBrowser;
import dev.lanyard.testing.Mailbox;
import dev.lanyard.testing.Passwordless;
import dev.lanyard.testing.RequiresChromium;
import dev.lanyard.testing.Secrets;
import dev.lanyard.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Seed 002's users orchestrator as a site integrates it: a passwordless person whose change-password link works once
 * in a browser and lands on the return URL; VerifyEmail keeping the person pending until the mailed link is followed;
 * the old PascalCase path answering in PascalCase; every code of the seed's table from a request; the seed's events;
 * one winner of a customer registration id raced by parallel requests.
 */
@KeycloakIntegrationTest(config = LanyardServer.class)
@RequiresChromium
class OrchestratorIT {

    private static final String V4 = Api.realmUrl(DemoRealm.NAME) + "/v4/Users";
    private static final String OLD = Api.realmUrl(DemoRealm.NAME) + "/User/Passwordless";
    private static final String RETURN_URL = Api.realmUrl(DemoRealm.NAME) + "/.well-known/openid-configuration?welcome=1";
    private static final String NEW_PASSWORD = Secrets.record("Orchestrated-2027");

    @InjectRealm(lifecycle = LifeCycle.GLOBAL, fromJson = DemoRealm.JSON, config = DemoRealm.class)
    ManagedRealm realm;

    @InjectMailServer
    MailServer mailServer;

    @InjectWebDriver
    ManagedWebDriver browser;

    private String site;

    @BeforeEach
    void siteToken() {
        site = Passwordless.siteToken();
        LoginBrowser.forgetKeycloakSession(browser);
    }

    @Test
    void thePasswordlessPersonSetsAPasswordOnceThroughTheLinkAndSignsIn() {
        String email = Accounts.uniqueEmail("v4");
        String registrationId = "CR-" + UUID.randomUUID();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", email);
        body.put("customerRegistrationId", registrationId);
        body.put("firstName", "Ava");
        body.put("lastName", "Harper");
        body.put("returnUrl", RETURN_URL);
        body.put("metadata", Map.of("loyaltyTier", "gold", "campaign", "winter-2026"));
        Reply created = create(V4, headers(), Api.json(body));
        assertEquals(201, created.status(), created.body());
        JsonNode answer = created.json();
        assertEquals(List.of("userId", "email", "customerRegistrationId", "status", "changePasswordUrl", "changePasswordUrlExpiresAt"),
                fieldNames(answer), "the new model answers in camelCase");
        assertEquals("ACTIVE", answer.get("status").asText());
        assertEquals(registrationId, answer.get("customerRegistrationId").asText());
        String userId = answer.get("userId").asText();
        String link = Secrets.record(answer.get("changePasswordUrl").asText());
        Secrets.record(Accounts.tokenOf(link));
        assertTrue(realm.admin().users().get(userId).credentials().isEmpty(), "no password is stored");
        assertEquals(200, Api.get(Accounts.USER + "/register/" + DemoRealm.SITE + "?userId=" + userId, site).status(),
                "the person is registered to the calling site");

        browser.open(link);
        followUntilReturnUrl(browser.driver());
        assertTrue(browser.driver().getCurrentUrl().startsWith(RETURN_URL), browser.driver().getCurrentUrl());
        Accounts.signIn(site, email, NEW_PASSWORD);

        LoginBrowser.forgetKeycloakSession(browser);
        browser.open(link);
        wait(browser.driver()).until(d -> !d.findElements(By.cssSelector(".alert-error, #kc-error-message, .pf-m-danger")).isEmpty()
                || d.getPageSource().toLowerCase().contains("expired") || d.getPageSource().toLowerCase().contains("already"));
        assertTrue(browser.driver().findElements(By.id("password-new")).isEmpty(), "the link works once");

        List<EventRepresentation> registered = realm.admin().getEvents(List.of("REGISTER"), null, userId, null, null, null, 0, 10);
        assertEquals(1, registered.size(), "one REGISTER event");
        assertEquals("AUTHSYSTEM_USER_CREATE", registered.get(0).getDetails().get("seed_event"));
        assertEquals("4602", registered.get(0).getDetails().get("seed_event_id"));
        assertEquals("it-source", registered.get(0).getDetails().get("source_system"));
        List<String> audited = auditNames(userId);
        assertTrue(audited.containsAll(List.of("AUTHSYSTEM_USER_GET", "AUTHSYSTEM_USER_CREATE", "SUBSCRIBE_USER_CREATE")), audited.toString());
    }

    @Test
    void verifyEmailKeepsThePersonPendingUntilTheMailedLinkAndTheOldPathAnswersInPascalCase() {
        String email = Accounts.uniqueEmail("old-model");
        String body = Api.json(Map.of("Email", email, "FirstName", "Old", "LastName", "Model", "VerifyEmail", true, "ReturnUrl", RETURN_URL));
        Reply created = create(OLD, headers(), body);
        assertEquals(201, created.status(), created.body());
        assertEquals(List.of("UserId", "Email", "CustomerRegistrationId", "Status", "ChangePasswordUrl", "ChangePasswordUrlExpiresAt"),
                fieldNames(created.json()), "the old model answers in PascalCase");
        assertEquals("PENDING_VERIFICATION", created.json().get("Status").asText());
        assertTrue(created.json().get("ChangePasswordUrl").isNull(), "the mailed link sets the password");
        String userId = created.json().get("UserId").asText();

        Reply again = create(OLD, headers(), body);
        assertCode(again, 400, OrchestratorCodes.PENDING_VERIFICATION);
        assertCode(create(V4, headers(), Api.json(Map.of("email", email))), 400, OrchestratorCodes.PENDING_VERIFICATION);

        String link = Accounts.activationLink(new Mailbox(mailServer), email, 1);
        browser.open(link);
        followUntilReturnUrl(browser.driver());
        assertTrue(browser.driver().getCurrentUrl().startsWith(RETURN_URL), browser.driver().getCurrentUrl());
        UserRepresentation verified = realm.admin().users().get(userId).toRepresentation();
        assertTrue(verified.isEmailVerified(), "the link verified the address");
        assertTrue(verified.getRequiredActions().isEmpty(), "nothing pending: " + verified.getRequiredActions());
        Accounts.signIn(site, email, NEW_PASSWORD);
        assertCode(create(OLD, headers(), body), 400, OrchestratorCodes.EMAIL_IN_USE);

        List<EventRepresentation> mailed = realm.admin().getEvents(List.of("SEND_VERIFY_EMAIL"), null, userId, null, null, null, 0, 10);
        assertEquals(1, mailed.size());
        assertEquals("SUBSCRIBE_USER_CREATE", mailed.get(0).getDetails().get("seed_event"));
        assertEquals("4002", mailed.get(0).getDetails().get("seed_event_id"));
    }

    @Test
    void everyCodeOfTheSeedsTableAnswersItsRequestAndCreatesNobody() {
        String email = Accounts.uniqueEmail("refused");
        for (String header : List.of("X-SourceSystem", "X-ClientCode", "X-PaperCode", "X-ClientGroupCode")) {
            Map<String, String> without = headers();
            without.remove(header);
            Reply missing = create(V4, without, Api.json(Map.of("email", email)));
            assertCode(missing, 400, OrchestratorCodes.INVALID_INPUT);
            assertTrue(missing.json().get("message").asText().startsWith("Invalid InputModel - ") && missing.json().get("message").asText()
                    .contains(header), missing.body());
        }
        assertCode(create(V4, headers(), "{\"email\":"), 400, "UsersOrchestrator_E400");
        assertCode(create(V4, headers(), "{}"), 400, OrchestratorCodes.INVALID_INPUT);
        assertCode(create(V4, headers(), Api.json(Map.of("Email", email))), 400, OrchestratorCodes.INVALID_INPUT);
        assertCode(create(V4, headers(), Api.json(Map.of("email", "not-an-address"))), 400, OrchestratorCodes.INVALID_INPUT);
        assertCode(create(V4, headers(), Api.json(Map.of("email", email, "verifyEmail", "yes"))), 400, OrchestratorCodes.INVALID_INPUT);
        Reply foreignReturn = create(V4, headers(), Api.json(Map.of("email", email, "returnUrl", "https://evil.example/steal")));
        assertCode(foreignReturn, 400, OrchestratorCodes.INVALID_INPUT);
        assertTrue(foreignReturn.json().get("message").asText().contains("ReturnUrl"), foreignReturn.body());

        assertCode(create(V4, headers(), Api.json(Map.of("email", email, "metadata", "tier=gold"))), 400, OrchestratorCodes.INVALID_METADATA);
        assertCode(create(V4, headers(), Api.json(Map.of("email", email, "metadata", Map.of("Tier", "gold")))), 400,
                OrchestratorCodes.INVALID_METADATA);
        assertCode(create(V4, headers(), Api.json(Map.of("email", email, "metadata", Map.of("tier", 3)))), 400,
                OrchestratorCodes.INVALID_METADATA);
        assertCode(create(V4, headers(), Api.json(Map.of("email", email, "metadata", Map.of("tier", "g".repeat(101))))), 400,
                OrchestratorCodes.METADATA_TOO_LONG);
        assertCode(create(V4, headers(), Api.json(Map.of("email", email, "metadata", Map.of("t".repeat(101), "gold")))), 400,
                OrchestratorCodes.METADATA_TOO_LONG);

        String taken = TestUsers.create(realm, "orchestrator-taken").email();
        assertCode(create(V4, headers(), Api.json(Map.of("email", taken))), 400, OrchestratorCodes.EMAIL_IN_USE);
        assertCode(create(V4, headers(), Api.json(Map.of("email", taken, "ignoreProvider", true))), 400, OrchestratorCodes.EMAIL_IN_USE);

        String registrationId = "CR-" + UUID.randomUUID();
        assertEquals(201, create(V4, headers(), Api.json(Map.of("email", Accounts.uniqueEmail("first"), "customerRegistrationId",
                registrationId))).status());
        assertCode(create(V4, headers(), Api.json(Map.of("email", email, "customerRegistrationId", registrationId))), 400,
                OrchestratorCodes.REGISTRATION_ID_EXISTS);

        Map<String, String> otherPaper = headers();
        otherPaper.put("X-PaperCode", "ANOTHER-PAPER");
        assertCode(create(V4, otherPaper, Api.json(Map.of("email", email))), 403, "UsersOrchestrator_E403");
        Map<String, String> otherTenant = headers();
        otherTenant.put("X-ClientCode", "another-tenant");
        assertCode(create(V4, otherTenant, Api.json(Map.of("email", email))), 403, "UsersOrchestrator_E403");
        String partner = Api.clientToken(DemoRealm.NAME, DemoRealm.PARTNER, DemoRealm.PARTNER_SECRET);
        assertCode(send(V4, partner, headers(), Api.json(Map.of("email", email))), 403, "UsersOrchestrator_E403");
        assertCode(send(V4, null, headers(), Api.json(Map.of("email", email))), 401, "UsersOrchestrator_E401");

        assertTrue(realm.admin().users().searchByEmail(email, true).isEmpty(), "no refusal created the person");
    }

    @Test
    void ofParallelCreationsWithOneCustomerRegistrationIdExactlyOneWins() throws Exception {
        String registrationId = "CR-race-" + UUID.randomUUID();
        int racers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                String body = Api.json(Map.of("email", Accounts.uniqueEmail("race" + i), "customerRegistrationId", registrationId));
                replies.add(pool.submit(() -> create(V4, headers(), body)));
            }
            int won = 0;
            for (Future<Reply> reply : replies) {
                Reply r = reply.get();
                if (r.status() == 201) {
                    won++;
                } else {
                    assertCode(r, 400, OrchestratorCodes.REGISTRATION_ID_EXISTS);
                }
            }
            assertEquals(1, won, "exactly one creation holds the id");
        } finally {
            pool.shutdownNow();
        }
    }

    private static final By PROCEED = By.cssSelector("#kc-info-message a");

    /** Fills Keycloak's pages (update password, confirmations) until the browser is on the return URL. */
    private static void followUntilReturnUrl(WebDriver driver) {
        for (int step = 0; step < 6 && !driver.getCurrentUrl().startsWith(RETURN_URL); step++) {
            try {
                wait(driver).until(d -> d.getCurrentUrl().startsWith(RETURN_URL) || !d.findElements(By.id("password-new")).isEmpty()
                        || !links(d).isEmpty() || !d.findElements(PROCEED).isEmpty() || !d.findElements(By.cssSelector("[type=submit]")).isEmpty());
            } catch (org.openqa.selenium.TimeoutException stuck) {
                String page = driver.getPageSource();
                throw new AssertionError("Stuck at " + driver.getCurrentUrl() + ": " + page.substring(Math.max(0, page.indexOf("<body")), Math.min(page.length(), Math.max(0, page.indexOf("<body")) + 6000)), stuck);
            }
            if (driver.getCurrentUrl().startsWith(RETURN_URL)) {
                return;
            }
            if (!driver.findElements(By.id("password-new")).isEmpty()) {
                driver.findElement(By.id("password-new")).sendKeys(NEW_PASSWORD);
                driver.findElement(By.id("password-confirm")).sendKeys(NEW_PASSWORD);
                driver.findElement(By.cssSelector("[type=submit]")).click();
            } else if (!links(driver).isEmpty()) {
                links(driver).get(0).click();
            } else if (!driver.findElements(PROCEED).isEmpty()) {
                driver.findElement(PROCEED).click(); // "Perform the following action(s): ... Click here to proceed"
            } else {
                driver.findElement(By.cssSelector("[type=submit]")).click();
            }
        }
        wait(driver).until(d -> d.getCurrentUrl().startsWith(RETURN_URL));
    }

    private static List<WebElement> links(WebDriver driver) {
        return driver.findElements(By.cssSelector("a[href^='" + RETURN_URL.substring(0, RETURN_URL.indexOf('?')) + "']"));
    }

    private static WebDriverWait wait(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    private List<String> auditNames(String userId) {
        String auditor = Api.clientToken(DemoRealm.NAME, DemoRealm.AUDITOR, DemoRealm.AUDITOR_SECRET);
        Reply records = Api.get(Api.realmUrl(DemoRealm.NAME) + "/auth/admin/client/person/audit/" + userId, auditor);
        assertEquals(200, records.status(), records.body());
        List<String> names = new ArrayList<>();
        records.json().get("responseData").forEach(record -> names.add(record.get("name").asText()));
        return names;
    }

    private static Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-SourceSystem", "it-source");
        headers.put("X-ClientCode", DemoRealm.NAME);
        headers.put("X-PaperCode", "DEMO-PAPER");
        headers.put("X-ClientGroupCode", "DEMO-GROUP");
        return headers;
    }

    private Reply create(String url, Map<String, String> headers, String body) {
        return send(url, site, headers, body);
    }

    private static Reply send(String url, String token, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return Api.send(request.build());
    }

    private static void assertCode(Reply reply, int status, String code) {
        assertEquals(status, reply.status(), reply.body());
        assertEquals(code, reply.json().get("code").asText(), reply.body());
        assertNotNull(reply.json().get("message").asText(null), reply.body());
        assertFalse(reply.body().contains("Exception"), reply.body());
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
