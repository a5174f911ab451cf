package dev.lanyard.dts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lanyard.testing.Api;
import dev.lanyard.testing.Api.Reply;
import dev.lanyard.testing.DemoRealm;
import dev.lanyard.testing.LanyardServer;
import dev.lanyard.testing.Passwordless;
import dev.lanyard.testing.Secrets;
import dev.lanyard.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Seed 000's DTS integration as a back office calls it: save, find (no token), find-for-update (with token and
 * version), an update at a stale version refused, two writers of one version with exactly one winning, delete, and a
 * deleted Keycloak user taking its records along.
 */
@KeycloakIntegrationTest(config = LanyardServer.class)
class DtsIT {

    @InjectRealm(lifecycle = LifeCycle.GLOBAL, fromJson = DemoRealm.JSON, config = DemoRealm.class)
    ManagedRealm realm;

    @Test
    void saveFindUpdateAtTheReadVersionAndDelete() throws Exception {
        String backOffice = Api.clientToken(DemoRealm.NAME, DemoRealm.PARTNER, DemoRealm.PARTNER_SECRET);
        String userId = TestUsers.create(realm, "dts").id();
        String token = Secrets.record("dts-token-" + System.nanoTime());
        Reply saved = Api.postJson(base() + "/save", backOffice, "{\"userId\": \"" + userId + "\", \"details\": {\"cardProgram\": \"gold\","
                + " \"limits\": {\"daily\": 500}}, \"dtsToken\": \"" + token + "\"}");
        assertEquals(200, saved.status(), saved.body());
        String id = saved.json().get("userDetailsId").asText();
        assertEquals(1, saved.json().get("version").asInt());

        Reply found = Api.get(base() + "/find?userDetailsId=" + id, backOffice);
        assertEquals("gold", found.json().get("details").get("cardProgram").asText(), found.body());
        assertFalse(found.body().contains(token), "find never returns the DTS token");
        Reply forUpdate = Api.get(base() + "/find-for-update?userDetailsId=" + id, backOffice);
        assertEquals(token, forUpdate.json().get("dtsToken").asText());
        assertEquals(1, forUpdate.json().get("version").asInt());

        // Two writers of version 1: exactly one wins.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<Reply>> writes = new ArrayList<>();
            for (String tier : List.of("silver", "platinum")) {
                writes.add(pool.submit(() -> Api.postJson(base() + "/save", backOffice, "{\"userId\": \"" + userId + "\", \"userDetailsId\": \""
                        + id + "\", \"version\": 1, \"details\": {\"cardProgram\": \"" + tier + "\"}}")));
            }
            for (Future<Reply> write : writes) {
                statuses.add(write.get().status());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(200, 409), statuses.stream().sorted().toList(), "two writers of one version: one wins");
        JsonNode now = Api.get(base() + "/find-for-update?userDetailsId=" + id, backOffice).json();
        assertEquals(2, now.get("version").asInt());
        assertEquals(token, now.get("dtsToken").asText(), "an update without a token keeps the sealed one");
        Reply stale = Api.postJson(base() + "/save", backOffice, "{\"userId\": \"" + userId + "\", \"userDetailsId\": \"" + id
                + "\", \"version\": 1, \"details\": {}}");
        assertEquals(409, stale.status());
        assertEquals("VERSION_CONFLICT", stale.code());
        Reply tooLarge = Api.postJson(base() + "/save", backOffice, "{\"userId\": \"" + userId + "\", \"userDetailsId\": \"" + id
                + "\", \"version\": 99999999999, \"details\": {}}");
        assertEquals(400, tooLarge.status(), "a version no record can have: " + tooLarge.body());
        assertEquals("INVALID_REQUEST", tooLarge.code());
        assertEquals("VERSION_REQUIRED", Api.postJson(base() + "/save", backOffice, "{\"userId\": \"" + userId + "\", \"userDetailsId\": \"" + id
                + "\", \"details\": {}}").code());

        // Scope, and the user's removal.
        assertEquals(403, Api.get(base() + "/find?userDetailsId=" + id, Passwordless.siteToken()).status(), "a token without USER-ATTRIBUTES_RW");
        Reply deleted = Api.send(HttpRequest.newBuilder(URI.create(base() + "/delete?userDetailsId=" + id)).header("Authorization", "Bearer " + backOffice)
                .DELETE().build());
        assertEquals(200, deleted.status(), deleted.body());
        assertEquals("DTS_NOT_FOUND", Api.get(base() + "/find?userDetailsId=" + id, backOffice).code());

        String other = Api.postJson(base() + "/save", backOffice, "{\"userId\": \"" + userId + "\", \"details\": {\"a\": 1}}").json()
                .get("userDetailsId").asText();
        realm.admin().users().delete(userId).close();
        assertEquals("DTS_NOT_FOUND", Api.get(base() + "/find?userDetailsId=" + other, backOffice).code(), "records go with their user");
        assertTrue(Api.postJson(base() + "/save", backOffice, "{\"userId\": \"" + userId + "\", \"details\": {}}").status() == 404);
    }

    private static String base() {
        return Api.realmUrl(DemoRealm.NAME) + "/dts";
    }
}
