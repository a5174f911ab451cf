package dev.lanyard.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lanyard.testing.Api;
import dev.lanyard.testing.Api.Reply;
import dev.lanyard.testing.BankingPartner;
import dev.lanyard.testing.DemoRealm;
import dev.lanyard.testing.LanyardServer;
import dev.lanyard.testing.Secrets;
import dev.lanyard.testing.TestUsers;
import dev.lanyard.userdata.EncryptedUserData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Seed 004's Users API as a banking partner calls it: the seed's sample bodies, sealed by an independent sender
 * (BouncyCastle) for the realm's EC key from its JWKS; masked reads; the seed's code/subCode for each rule; a locked
 * account's 5/362; the SSN and phone limits, with two partners racing for one SSN.
 */
@KeycloakIntegrationTest(config = LanyardServer.class)
class BankingUsersIT {

    private static final String PROGRAM = "demo-debit";

    @InjectRealm(lifecycle = LifeCycle.GLOBAL, fromJson = DemoRealm.JSON, config = DemoRealm.class)
    ManagedRealm realm;

    private BankingPartner partner;

    @BeforeEach
    void partner() throws Exception {
        partner = new BankingPartner(Api.realmUrl(DemoRealm.NAME), PROGRAM, DemoRealm.PARTNER, DemoRealm.PARTNER_SECRET);
    }

    @Test
    void theSeedsSampleUpdateIsReadBackMasked() throws Exception {
        String account = openAccount(TestUsers.create(realm, "bank").id());
        String user = users(account).get(0).get("userIdentifier").asText();
        String ssn = Secrets.record("123453675");
        String birth = Secrets.record("1980-02-29");
        String data = "{\"profileData\": {\"firstName\": \"John\", \"lastName\": \"Doe\", \"addresses\": [{\"addressLine1\": \"1234 E Foothill Blvd\","
                + " \"addressLine2\": \"Ste 000\", \"city\": \"Pasadena\", \"state\": \"CA\", \"zipCode\": \"91107-1234\", \"type\": \"home\","
                + " \"isDefault\": true}]}, \"identifyingData\": {\"ssn\": \"" + ssn + "\", \"dateOfBirth\": \"" + birth + "\"},"
                + " \"email\": {\"emailAddress\": \"john.doe@example.test\", \"isDefault\": true}, \"phoneNumbers\": [{\"number\": \"2212345651\","
                + " \"type\": \"home\", \"isDefault\": false}, {\"number\": \"2212345607\", \"type\": \"mobile\", \"isDefault\": true},"
                + " {\"number\": \"2212345651\", \"type\": \"work\", \"isDefault\": false}]}";
        String body = "{\"peerTransferAcceptPreference\": \"automatic\", \"encryptedUserData\": " + sealed("EC_v1", data) + ","
                + " \"termsAcceptances\": [{\"termsIdentifier\": \"daa\", \"termsAcceptanceDateTime\": \"2018-09-15T13:34:22.113Z\","
                + " \"termsAcceptanceFlag\": true}], \"contactVerificationIdentifiers\": [\"3fa85f64-5717-4562-b3fc-2c963f66afa6\"],"
                + " \"userIdCreateDate\": \"2019-10-30\", \"passwordChangeDate\": \"2019-10-31\"}";
        Reply updated = put(account, "/users/" + user, body);
        assertEquals(200, updated.status(), updated.body());
        assertDetail(updated, 0, 0);

        Reply read = get(account);
        JsonNode john = read.json().get("users").get(0);
        assertEquals("automatic", john.get("peerTransferAcceptPreference").asText());
        JsonNode address = john.get("profileData").get("addresses").get(0);
        assertEquals("*****E Foothill Blvd", address.get("addressLine1").asText(), read.body());
        assertEquals("91107", address.get("zipCode").asText(), "the extension is stripped");
        assertEquals("Home", address.get("type").asText());
        List<String> numbers = john.get("phoneNumbers").findValuesAsText("number");
        assertEquals(List.of("22******51", "22******07", "22******51"), numbers);
        assertEquals("3675", john.get("identities").get(0).get("last4Identity").asText());
        assertEquals("true", john.get("termsAcceptances").get(0).get("termsAcceptanceFlag").asText(), "as the seed's sample, a string");
        assertFalse(read.body().contains(ssn) || read.body().contains(birth), "never a full SSN or a birth date: " + read.body());
        assertEquals("Doe", realm.admin().users().get(user).toRepresentation().getLastName(), "names live on the Keycloak user");

        // EC_v2 (Lanyard's variant) for the name endpoint.
        Reply renamed = put(account, "/users/" + user + "/name", "{\"encryptedUserData\": "
                + sealed("EC_v2", "{\"profileData\": {\"firstName\": \"Jon\", \"lastName\": \"Doe-Smith\"}}") + "}");
        assertDetail(renamed, 0, 0);
        assertEquals("Doe-Smith", get(account).json().get("users").get(0).get("profileData").get("lastName").asText());
    }

    @Test
    void eachRuleAnswersItsCodeAndChangesNothing() throws Exception {
        String account = openAccount(TestUsers.create(realm, "rules").id());
        String user = users(account).get(0).get("userIdentifier").asText();
        String home = "{\"addressLine1\": \"%s\", \"addressLine2\": \"%s\", \"city\": \"%s\", \"state\": \"CA\", \"zipCode\": \"91107\","
                + " \"type\": \"home\", \"isDefault\": true}";
        // The seed's table, row by row.
        String[][] rows = {
                {String.format(home, "1", "Ste 1", "Pasadena"), "400", "505"},
                {String.format(home, "12 Main St", "S".repeat(41), "Pasadena"), "400", "506"},
                {String.format(home, "12 Main St", "Ste 1", "A".repeat(26)), "400", "504"},
                {String.format(home, "12 Main St $", "Ste 1", "Pasadena"), "640", "505"},
                {String.format(home, "12 Main St", "Ste <1>", "Pasadena"), "640", "506"},
                {String.format(home, "12 Main St", "Ste 1", "Pasadena!"), "640", "504"},
        };
        for (String[] row : rows) {
            Reply refused = put(account, "/users/" + user, "{\"encryptedUserData\": " + sealed("EC_v1",
                    "{\"profileData\": {\"firstName\": \"Ann\", \"lastName\": \"Lee\", \"addresses\": [" + row[0] + "]}}") + "}");
            assertEquals(400, refused.status(), refused.body());
            assertDetail(refused, Integer.parseInt(row[1]), Integer.parseInt(row[2]));
        }
        Reply twoDefaults = put(account, "/users/" + user, "{\"encryptedUserData\": " + sealed("EC_v1", "{\"phoneNumbers\": [{\"number\":"
                + " \"2125550107\", \"type\": \"mobile\", \"isDefault\": true}, {\"number\": \"2125550151\", \"type\": \"home\", \"isDefault\": true}]}") + "}");
        assertDetail(twoDefaults, 1040, 0);
        assertEquals("There can only be one default phone.", twoDefaults.json().get("responseDetails").get(0).get("description").asText());

        EncryptedUserData good = partner.seal("EC_v1", "{\"email\": {\"emailAddress\": \"ann@example.test\"}}");
        String tampered = good.data().substring(0, 4) + (good.data().charAt(4) == 'A' ? 'B' : 'A') + good.data().substring(5);
        assertDetail(put(account, "/users/" + user, "{\"encryptedUserData\": " + json(new EncryptedUserData("EC_v1", good.ephemeralPublicKey(),
                good.publicKeyHash(), tampered)) + "}"), 400, 934);
        assertDetail(put(account, "/users/" + user, "{\"encryptedUserData\": " + json(new EncryptedUserData("EC_v3", good.ephemeralPublicKey(),
                good.publicKeyHash(), good.data())) + "}"), 400, 930);
        assertDetail(put(account, "/users/" + user, "{\"encryptedUserData\": " + json(new EncryptedUserData("EC_v1", good.ephemeralPublicKey(),
                Base64.getEncoder().encodeToString(new byte[32]), good.data())) + "}"), 400, 931);
        assertDetail(put(account, "/users/" + user, "{\"encryptedUserData\": " + json(partner.seal("EC_v1", "[1]")) + "}"),
                400, 935);
        JsonNode unchanged = get(account).json().get("users").get(0);
        assertEquals(0, unchanged.get("profileData").get("addresses").size(), "no refused update left anything: " + unchanged);
        assertEquals(0, unchanged.get("phoneNumbers").size());

        // Headers, token, program, account.
        Reply missingId = partner.withoutRequestId("GET", partner.base() + "/" + account + "/users");
        assertEquals(400, missingId.status(), missingId.body());
        assertEquals("REQUEST_ID_INVALID", missingId.json().get("responseDetails").get(0).get("reason").asText());
        assertEquals(401, Api.send(HttpRequest.newBuilder(URI.create(partner.base() + "/" + account + "/users")).GET().build()).status());
        assertEquals(404, new BankingPartner(Api.realmUrl(DemoRealm.NAME), "other-program", DemoRealm.PARTNER, DemoRealm.PARTNER_SECRET)
                .get(account).status(), "a program the partner does not have");
        assertEquals(404, get(UUID.randomUUID().toString()).status());

        // Locked: 200 with the seed's 5/362, nothing changed.
        assertEquals(200, put(account, "/status", "{\"status\": \"locked\"}").status());
        Reply locked = put(account, "/users/" + user, "{\"peerTransferAcceptPreference\": \"automatic\"}");
        assertEquals(200, locked.status(), locked.body());
        assertDetail(locked, 5, 362);
        assertEquals("manual", get(account).json().get("users").get(0).get("peerTransferAcceptPreference").asText());
    }

    @Test
    void oneActiveAccountPerSsnAndTwoPartnersRacingForItGetOneEach() throws Exception {
        String ssn = Secrets.record("9876" + String.format("%05d", new java.util.Random().nextInt(100_000)));
        String first = accountWithSsn(ssn);
        assertEquals(200, put(first, "/status", "{\"status\": \"active\"}").status());
        String second = accountWithSsn(ssn);
        Reply refused = put(second, "/status", "{\"status\": \"active\"}");
        assertEquals(400, refused.status(), refused.body());
        assertDetail(refused, 2, 60);

        // Two pending accounts of a fresh SSN activated at once: exactly one wins.
        String racing = Secrets.record("8765" + String.format("%05d", new java.util.Random().nextInt(100_000)));
        List<String> pair = List.of(accountWithSsn(racing), accountWithSsn(racing));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<Reply>> calls = new ArrayList<>();
            for (String account : pair) {
                calls.add(pool.submit(() -> partner.activate(account)));
            }
            for (Future<Reply> call : calls) {
                statuses.add(call.get().status());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(200, 400), statuses.stream().sorted().toList(), "exactly one of two racing activations wins");

        // Lifetime: three accounts ever active with one SSN, the fourth is refused even with none active.
        String lifetime = Secrets.record("7654" + String.format("%05d", new java.util.Random().nextInt(100_000)));
        for (int i = 0; i < 3; i++) {
            String account = accountWithSsn(lifetime);
            assertEquals(200, put(account, "/status", "{\"status\": \"active\"}").status());
            assertEquals(200, put(account, "/status", "{\"status\": \"closed\"}").status());
        }
        assertDetail(put(accountWithSsn(lifetime), "/status", "{\"status\": \"active\"}"), 2, 61);

        // Phones: two active accounts per number; a third active account may not take it.
        String phone = "212" + String.format("%07d", new java.util.Random().nextInt(10_000_000));
        for (int i = 0; i < 2; i++) {
            String account = accountWithPhone(phone);
            assertEquals(200, put(account, "/status", "{\"status\": \"active\"}").status());
        }
        String third = openAccount(TestUsers.create(realm, "phone").id());
        assertEquals(200, put(third, "/status", "{\"status\": \"active\"}").status());
        String thirdUser = users(third).get(0).get("userIdentifier").asText();
        Reply phoneRefused = put(third, "/users/" + thirdUser, "{\"encryptedUserData\": " + sealed("EC_v1",
                "{\"phoneNumbers\": [{\"number\": \"" + phone + "\", \"type\": \"mobile\"}]}") + "}");
        assertDetail(phoneRefused, 2, 63);

        // Phone lifetime: ten accounts ever active with one number, the eleventh is refused.
        String often = "213" + String.format("%07d", new java.util.Random().nextInt(10_000_000));
        for (int i = 0; i < 10; i++) {
            String account = accountWithPhone(often);
            assertEquals(200, put(account, "/status", "{\"status\": \"active\"}").status());
            assertEquals(200, put(account, "/status", "{\"status\": \"closed\"}").status());
        }
        assertDetail(put(accountWithPhone(often), "/status", "{\"status\": \"active\"}"), 2, 66);
    }

    @Test
    void identifyingDataFreezesOnceKycIsCompleted() throws Exception {
        String account = accountWithSsn(Secrets.record("6543" + String.format("%05d", new java.util.Random().nextInt(100_000))));
        String user = users(account).get(0).get("userIdentifier").asText();
        Reply completed = put(account, "/status", "{\"status\": \"active\", \"kycCompleted\": true}");
        assertTrue(completed.json().get("kycCompleted").asBoolean(), completed.body());
        Reply frozen = put(account, "/users/" + user, "{\"encryptedUserData\": " + sealed("EC_v1",
                "{\"identifyingData\": {\"ssnSuffix\": \"1111\", \"dateOfBirth\": \"1975-05-05\"}}") + "}");
        assertEquals(400, frozen.status(), frozen.body());
        assertDetail(frozen, 400, 918);
        assertDetail(put(account, "/users/" + user, "{\"encryptedUserData\": " + sealed("EC_v2",
                "{\"email\": {\"emailAddress\": \"sam@example.test\"}}") + "}"), 0, 0);
    }

    private String accountWithSsn(String ssn) throws Exception {
        return partner.accountWithSsn(TestUsers.create(realm, "ssn").id(), ssn);
    }

    private String accountWithPhone(String phone) throws Exception {
        String account = openAccount(TestUsers.create(realm, "tel").id());
        String user = users(account).get(0).get("userIdentifier").asText();
        assertDetail(put(account, "/users/" + user, "{\"encryptedUserData\": " + sealed("EC_v1", "{\"phoneNumbers\": [{\"number\": \"" + phone
                + "\", \"type\": \"mobile\"}]}") + "}"), 0, 0);
        return account;
    }

    private String openAccount(String userId) {
        return partner.openAccount(userId);
    }

    private JsonNode users(String account) {
        return partner.users(account);
    }

    private Reply get(String account) {
        return partner.get(account);
    }

    private Reply put(String account, String path, String body) {
        return partner.put(account, path, body);
    }

    private String sealed(String version, String data) throws Exception {
        return partner.sealed(version, data);
    }

    private static String json(EncryptedUserData sealed) {
        return BankingPartner.json(sealed);
    }

    private static void assertDetail(Reply reply, int code, int subCode) {
        BankingPartner.assertDetail(reply, code, subCode);
    }
}
