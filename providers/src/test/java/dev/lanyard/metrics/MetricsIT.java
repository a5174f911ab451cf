package dev.lanyard.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.lanyard.testing.DemoRealm;
import dev.lanyard.testing.LanyardServer;
import dev.lanyard.testing.Mailbox;
import dev.lanyard.testing.Passwordless;
import dev.lanyard.testing.TestUsers;
import dev.lanyard.testing.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Lanyard's meters on Keycloak's own metrics endpoint (management port 9000, {@code metrics-enabled}): a sign-in by
 * email code moves the sent, verified and site-login counters by one each, a wrong code the failed ones; no label
 * holds a person's data.
 */
@KeycloakIntegrationTest(config = LanyardServer.class)
class MetricsIT {

    private static final String METRICS = "http://localhost:9000/metrics";

    @InjectRealm(lifecycle = LifeCycle.GLOBAL, fromJson = DemoRealm.JSON, config = DemoRealm.class)
    ManagedRealm realm;

    @InjectMailServer
    MailServer mailServer;

    @Test
    void aCodeSignInMovesTheCountersByOne() throws Exception {
        String sent = "lanyard_email_codes_total{outcome=\"sent\",purpose=\"sign-in\",realm=\"demo\"}";
        String verified = "lanyard_email_codes_total{outcome=\"verified\",purpose=\"sign-in\",realm=\"demo\"}";
        String failed = "lanyard_email_codes_total{outcome=\"failed\",purpose=\"sign-in\",realm=\"demo\"}";
        String loggedIn = "lanyard_site_logins_total{method=\"otp\",outcome=\"success\",realm=\"demo\"}";
        String refused = "lanyard_site_logins_total{method=\"otp\",outcome=\"invalid\",realm=\"demo\"}";
        String before = scrape();

        TestUser person = TestUsers.create(realm, "metrics");
        Passwordless.signIn(new Mailbox(mailServer), person);
        TestUser other = TestUsers.create(realm, "metrics");
        String token = Passwordless.siteToken();
        String code = Passwordless.mailedCode(new Mailbox(mailServer), other, token, DemoRealm.SITE);
        assertEquals(401, Passwordless.login(token, DemoRealm.SITE, other.email(), code.equals("000000") ? "111111" : "000000").status());

        String after = scrape();
        assertEquals(2, value(after, sent) - value(before, sent), "two codes sent");
        assertEquals(1, value(after, verified) - value(before, verified));
        assertEquals(1, value(after, failed) - value(before, failed));
        assertEquals(1, value(after, loggedIn) - value(before, loggedIn));
        assertEquals(1, value(after, refused) - value(before, refused));
        // Recorded by the mail job once the SMTP server took the mail, so possibly a moment after the code was read.
        String delivered = "lanyard_mail_deliveries_seconds_count{mail=\"sign-in code\",outcome=\"sent\"}";
        String fast = "lanyard_mail_deliveries_seconds_bucket{mail=\"sign-in code\",outcome=\"sent\",le=\"10.0\"}";
        long deadline = System.currentTimeMillis() + 5000;
        while (value(after, delivered) - value(before, delivered) < 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            after = scrape();
        }
        assertEquals(2, value(after, delivered) - value(before, delivered), "two mails delivered and timed");
        assertEquals(2, value(after, fast) - value(before, fast), "both within the 10 s bucket");
        if (java.nio.file.Files.isRegularFile(LanyardServer.OFAC_SNAPSHOT.resolve("sdn.csv"))) {
            assertTrue(after.contains("lanyard_screenings_seconds_count{realm=\"demo\",status=\"CLEAR\"}"), "the person was screened and timed");
            Matcher age = Pattern.compile("^lanyard_sdn_list_age_seconds ([0-9.eE+-]+)$", Pattern.MULTILINE).matcher(after);
            assertTrue(age.find(), "the list's age is a gauge");
            assertTrue(Double.parseDouble(age.group(1)) >= 0 && Double.parseDouble(age.group(1)) < 7 * 24 * 3600,
                    "the suite's list was stored this week: " + age.group(1));
        }
        assertFalse(after.contains(person.email()) || after.contains(person.username()) || after.contains(person.id()),
                "no person's data in labels");
    }

    private static String scrape() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(METRICS)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), "metrics are enabled");
        return response.body();
    }

    private static double value(String scrape, String series) {
        Matcher matcher = Pattern.compile("^" + Pattern.quote(series) + " ([0-9.eE+-]+)$", Pattern.MULTILINE).matcher(scrape);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
