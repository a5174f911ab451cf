package dev.lanyard.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lanyard.testing.Accounts;
import dev.lanyard.testing.Api;
import dev.lanyard.testing.Api.Reply;
import dev.lanyard.testing.DemoRealm;
import dev.lanyard.testing.IssuerClients;
import dev.lanyard.testing.LanyardServer;
import dev.lanyard.testing.Mailbox;
import dev.lanyard.testing.Passwordless;
import dev.lanyard.testing.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.FederatedIdentityRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.representations.idm.PartialImportRepresentation;
import org.keycloak.representations.idm.UserConsentRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Seed 000 "Duplicate Account Cleanup", step 2: a data steward merges two duplicates into a kept person; each kind of
 * data moves (attribute, site registration, alias, consent, TOTP device, identity-provider link, group, DTS record),
 * the trail is re-pointed, the duplicates are disabled and signed out; a person is merged away once, even when two
 * merges race for them.
 */
@KeycloakIntegrationTest(config = LanyardServer.class)
class MergeIT {

    @InjectRealm(lifecycle = LifeCycle.GLOBAL, fromJson = DemoRealm.JSON, config = DemoRealm.class)
    ManagedRealm realm;

    private static final String OTP_SECRET = "merge-device-secret-0123456789";

    @InjectMailServer
    MailServer mailServer;

    @Test
    void aMergeMovesEachKindOfDataOnceAndDisablesTheDuplicates() throws Exception {
        String issuer = IssuerClients.unique("issuer-merge");
        String siteOne = IssuerClients.site(realm, issuer);
        String siteTwo = IssuerClients.site(realm, issuer);
        String office = IssuerClients.token(IssuerClients.backOffice(realm, issuer));
        String steward = IssuerClients.token(IssuerClients.userAdmin(realm));
        String tag = IssuerClients.unique("m");
        String groupOne = group("merge-one-" + tag);
        String groupTwo = group("merge-two-" + tag);
        String idp = idp("merge-idp-" + tag);

        String kept = IssuerClients.cardholder(realm, siteOne, "kept-" + tag + "@lanyard.test", "Kim", "Kept", Map.of());
        realm.admin().users().get(kept).joinGroup(groupOne);
        String duplicate = importDuplicate(tag, idp, "/merge-one-" + tag, "/merge-two-" + tag);
        IssuerClients.register(siteOne, duplicate);
        IssuerClients.register(siteTwo, duplicate);
        TestUser asPerson = new TestUser(duplicate, "dup-" + tag, "dup-" + tag + "@lanyard.test");
        // The duplicate has a TOTP device: its sign-in takes the authenticator's code too.
        String siteToken = Passwordless.siteToken();
        String totp = dev.lanyard.totp.TotpCodes.at(OTP_SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                new dev.lanyard.totp.TotpParameters("HmacSHA1", 6, 30), System.currentTimeMillis() / 1000);
        Reply login = Passwordless.login(siteToken, DemoRealm.SITE, asPerson.email(),
                Passwordless.mailedCode(new Mailbox(mailServer), asPerson, siteToken, DemoRealm.SITE), totp);
        assertEquals(200, login.status(), login.body());
        String personToken = dev.lanyard.testing.Secrets.record(login.json().get("access_token").asText());
        String alias = "alias" + tag.replace("-", "");
        assertEquals(201, Api.postJson(Accounts.USER + "/alias", personToken, Api.json(Map.of("alias", alias))).status());
        String partner = Api.clientToken(DemoRealm.NAME, DemoRealm.PARTNER, DemoRealm.PARTNER_SECRET);
        String record = Api.postJson(Api.realmUrl(DemoRealm.NAME) + "/dts/save", partner, Api.json(Map.of("userId", duplicate,
                "details", Map.of("tier", "gold")))).json().get("userDetailsId").asText();
        String third = IssuerClients.cardholder(realm, siteOne, "third-" + tag + "@lanyard.test", "Kim", "Kept", Map.of());

        Reply accepted = merge(steward, "{\"keepUserId\": \"" + kept + "\", \"userIds\": [\"" + duplicate + "\", \"" + third + "\"]}");
        assertEquals(202, accepted.status(), accepted.body());
        String location = accepted.headers().firstValue("Location").orElseThrow();
        JsonNode status = awaitCompleted(location, steward);
        assertEquals(kept, status.get("keptUserId").asText());
        List<String> outcomes = new ArrayList<>();
        status.get("people").forEach(p -> outcomes.add(p.get("outcome").asText()));
        assertEquals(List.of("KEPT", "MERGED", "MERGED"), outcomes, status.toString());

        UserRepresentation after = realm.admin().users().get(kept).toRepresentation();
        assertEquals(List.of("+1 555 030 1234"), after.getAttributes().get("phoneNumber"), "the attribute it lacked");
        assertTrue(realm.admin().users().get(kept).credentials().stream().anyMatch(c -> "otp".equals(c.getType())), "the TOTP device");
        assertTrue(realm.admin().users().get(kept).getConsents().stream().anyMatch(c -> DemoRealm.SITE.equals(c.get("clientId"))),
                "the consent");
        assertEquals(idp, realm.admin().users().get(kept).getFederatedIdentity().get(0).getIdentityProvider(), "the identity link");
        assertEquals(2, realm.admin().users().get(kept).groups().size(), "both groups, the shared one once");
        JsonNode view = Api.get(Api.realmUrl(DemoRealm.NAME) + "/concierge/cardholder-details?alias=" + alias, office).json();
        assertEquals(kept, view.get("userId").asText(), "the alias now signs in the kept person: " + view);
        assertEquals(2, view.get("siteRegistrations").size(), "the site registration it lacked: " + view);
        assertEquals(kept, Api.get(Api.realmUrl(DemoRealm.NAME) + "/dts/find?userDetailsId=" + record, partner).json().get("userId").asText());
        String history = Api.get(Api.realmUrl(DemoRealm.NAME) + "/concierge/cardholder-history?userId=" + kept + "&size=200", office).body();
        assertEquals(2, history.split("\"MERGE_PERSON\"", -1).length - 1, "one audited merge per duplicate: " + history);
        assertTrue(history.contains("\"LOGIN\""), "the duplicate's sign-in is in the kept person's trail now");

        assertFalse(realm.admin().users().get(duplicate).toRepresentation().isEnabled(), "the duplicate is disabled");
        assertEquals(401, Accounts.userinfo(personToken).status(), "and signed out");
        assertEquals(409, merge(steward, "{\"keepUserId\": \"" + kept + "\", \"userIds\": [\"" + duplicate + "\"]}").status(),
                "merged once, ever");
        assertEquals(404, Api.get(location.substring(0, location.lastIndexOf('/')) + "/no-such-job", steward).status());
        assertEquals(403, merge(partner, "{\"userIds\": [\"" + kept + "\", \"" + third + "\"]}").status(), "needs manage-users");

        // Past the realm's retention (0 days here), the merged-away people are deleted; the kept one stays.
        setRetentionDays("0");
        try {
            long deadline = System.nanoTime() + 30_000_000_000L;
            List<String> now = List.of();
            while (System.nanoTime() < deadline) {
                List<String> outcomesNow = new ArrayList<>();
                Api.get(location, steward).json().get("people").forEach(p -> outcomesNow.add(p.get("outcome").asText()));
                now = outcomesNow;
                if (now.equals(List.of("KEPT", "DELETED", "DELETED"))) {
                    break;
                }
                Thread.sleep(250);
            }
            assertEquals(List.of("KEPT", "DELETED", "DELETED"), now);
            assertTrue(realm.admin().users().search("dup-" + tag, true).isEmpty(), "the duplicate is gone");
            assertEquals(kept, realm.admin().users().get(kept).toRepresentation().getId());
        } finally {
            setRetentionDays(String.valueOf(30)); // the default again
        }
    }

    private void setRetentionDays(String days) {
        org.keycloak.representations.idm.RealmRepresentation settings = realm.admin().toRepresentation();
        settings.getAttributes().put("lanyard.merge.retention-days", days);
        realm.admin().update(settings);
    }

    @Test
    void twoMergesRacingForOnePersonOneWins() throws Exception {
        String issuer = IssuerClients.unique("issuer-race");
        String site = IssuerClients.site(realm, issuer);
        String steward = IssuerClients.token(IssuerClients.userAdmin(realm));
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            people.add(IssuerClients.cardholder(realm, site, IssuerClients.unique("race") + "@lanyard.test", "Ray", "Race", Map.of()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Reply> replies = new ArrayList<>();
        try {
            Future<Reply> one = pool.submit(() -> merge(steward, "{\"keepUserId\": \"" + people.get(0) + "\", \"userIds\": [\"" + people.get(1) + "\"]}"));
            Future<Reply> two = pool.submit(() -> merge(steward, "{\"keepUserId\": \"" + people.get(2) + "\", \"userIds\": [\"" + people.get(1) + "\"]}"));
            replies.add(one.get());
            replies.add(two.get());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(202, 409), replies.stream().map(Reply::status).sorted().toList(), "one merge takes the person");
        Reply winner = replies.stream().filter(r -> r.status() == 202).findFirst().orElseThrow();
        awaitCompleted(winner.headers().firstValue("Location").orElseThrow(), steward);
    }

    private JsonNode awaitCompleted(String location, String token) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        JsonNode status = Api.get(location, token).json();
        while (!"COMPLETED".equals(status.path("status").asText()) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            status = Api.get(location, token).json();
        }
        assertEquals("COMPLETED", status.path("status").asText(), status.toString());
        return status;
    }

    private String importDuplicate(String tag, String idp, String... groups) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername("dup-" + tag);
        user.setEmail("dup-" + tag + "@lanyard.test");
        user.setFirstName("Kim");
        user.setLastName("Kept");
        user.setEnabled(true);
        user.setEmailVerified(true);
        user.setAttributes(Map.of("phoneNumber", List.of("+1 555 030 1234")));
        CredentialRepresentation otp = new CredentialRepresentation();
        otp.setType("otp");
        otp.setUserLabel("phone");
        otp.setSecretData("{\"value\":\"" + OTP_SECRET + "\"}");
        otp.setCredentialData("{\"subType\":\"totp\",\"digits\":6,\"counter\":0,\"period\":30,\"algorithm\":\"HmacSHA1\"}");
        user.setCredentials(List.of(otp));
        UserConsentRepresentation consent = new UserConsentRepresentation();
        consent.setClientId(DemoRealm.SITE);
        consent.setGrantedClientScopes(List.of("profile"));
        user.setClientConsents(List.of(consent));
        FederatedIdentityRepresentation link = new FederatedIdentityRepresentation();
        link.setIdentityProvider(idp);
        link.setUserId("ext-" + tag);
        link.setUserName("ext-" + tag);
        user.setFederatedIdentities(List.of(link));
        user.setGroups(List.of(groups));
        PartialImportRepresentation partial = new PartialImportRepresentation();
        partial.setUsers(List.of(user));
        partial.setIfResourceExists(PartialImportRepresentation.Policy.FAIL.name());
        realm.admin().partialImport(partial).close();
        return realm.admin().users().search("dup-" + tag, true).get(0).getId();
    }

    private String group(String name) {
        GroupRepresentation group = new GroupRepresentation();
        group.setName(name);
        try (jakarta.ws.rs.core.Response created = realm.admin().groups().add(group)) {
            return org.keycloak.testframework.util.ApiUtil.getCreatedId(created);
        }
    }

    private String idp(String alias) {
        IdentityProviderRepresentation idp = new IdentityProviderRepresentation();
        idp.setAlias(alias);
        idp.setProviderId("oidc");
        idp.setEnabled(true);
        idp.setConfig(Map.of("clientId", "lanyard", "clientSecret", "unused", "authorizationUrl", "https://idp.example/auth",
                "tokenUrl", "https://idp.example/token", "clientAuthMethod", "client_secret_post"));
        realm.admin().identityProviders().create(idp).close();
        return alias;
    }

    private static Reply merge(String token, String body) {
        return Api.postJson(Api.realmUrl(DemoRealm.NAME) + "/user/internal/clean-duplicate-accounts", token, body);
    }
}
