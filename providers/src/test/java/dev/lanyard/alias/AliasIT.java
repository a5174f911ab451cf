package dev.lanyard.alias;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.lanyard.testing.Accounts;
import dev.lanyard.testing.Accounts.Registered;
import dev.lanyard.testing.Api;
import dev.lanyard.testing.Api.Reply;
import dev.lanyard.testing.DemoRealm;
import dev.lanyard.testing.LanyardServer;
import dev.lanyard.testing.Mailbox;
import dev.lanyard.testing.Passwordless;
import dev.lanyard.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Seed 000 "Alias Management Workflow": a person adds, lists and deletes their login aliases with their own token;
 * an alias signs them in wherever a username does, is unique in the realm (eight people racing for one: one wins),
 * and a deleted alias signs nobody in from the next request on.
 */
@KeycloakIntegrationTest(config = LanyardServer.class)
class AliasIT {

    @InjectRealm(lifecycle = LifeCycle.GLOBAL, fromJson = DemoRealm.JSON, config = DemoRealm.class)
    ManagedRealm realm;

    @InjectMailServer
    MailServer mailServer;

    @Test
    void aPersonAddsListsAndDeletesTheirAliasesWithinTheRules() {
        String site = Passwordless.siteToken();
        Registered person = Accounts.active(site, new Mailbox(mailServer), "aliases");
        String token = Accounts.signIn(site, person.email(), Accounts.PASSWORD).get("access_token").asText();
        String alias = "card-fan-" + UUID.randomUUID().toString().substring(0, 6);

        Reply created = create(token, alias);
        assertEquals(201, created.status(), created.body());
        assertEquals(List.of(alias), aliases(created));
        assertEquals(200, create(token, alias.toUpperCase()).status(), "the same alias in another case is the one held");
        assertEquals(List.of(alias), aliases(Api.get(Accounts.USER + "/alias", token)));

        assertRefused(create(token, "admin"), 400, "RESERVED_ALIAS");
        assertRefused(create(token, "a b"), 400, "INVALID_ALIAS");
        assertRefused(create(token, "someone-else@lanyard.test"), 400, "INVALID_ALIAS");
        assertRefused(create(token, TestUsers.create(realm, "holder").username()), 409, "ALIAS_TAKEN");
        assertEquals(201, create(token, person.email()).status(), "the person's own address may be an alias");
        assertEquals(201, create(token, alias + "-2").status());
        assertRefused(create(token, alias + "-3"), 409, "ALIAS_LIMIT_REACHED");

        Reply deleted = Api.postJson(Accounts.USER + "/alias/delete", token, Api.json(Map.of("alias", alias)));
        assertEquals(200, deleted.status(), deleted.body());
        assertEquals(2, aliases(deleted).size());
        assertRefused(Api.postJson(Accounts.USER + "/alias/delete", token, Api.json(Map.of("alias", alias))), 404, "ALIAS_NOT_FOUND");
        assertRefused(create(site, "by-a-client"), 403, "USER_TOKEN_REQUIRED");
    }

    @Test
    void anAliasSignsInWhereAUsernameDoesUntilItIsDeleted() {
        String site = Passwordless.siteToken();
        Mailbox mailbox = new Mailbox(mailServer);
        Registered person = Accounts.active(site, mailbox, "alias-login");
        String token = Accounts.signIn(site, person.email(), Accounts.PASSWORD).get("access_token").asText();
        String alias = "member-" + UUID.randomUUID().toString().substring(0, 6);
        assertEquals(201, create(token, alias).status());

        assertEquals(200, Accounts.passwordLogin(site, DemoRealm.SITE, "alias", alias.toUpperCase(), Accounts.PASSWORD).status(),
                "the site password login takes the alias, in any case");
        Reply sent = Api.postJson(Passwordless.SEND, site, Api.json(Map.of("alias", alias, "siteId", DemoRealm.SITE)));
        assertEquals(202, sent.status(), sent.body());
        String code = mailbox.awaitCode(person.email(), 2);
        Reply byCode = Api.postJson(Passwordless.loginUrl(DemoRealm.SITE), site, Api.json(Map.of("alias", alias, "otp", code)));
        assertEquals(200, byCode.status(), byCode.body());
        dev.lanyard.testing.Secrets.record(byCode.json().get("access_token").asText());

        assertEquals(200, Api.postJson(Accounts.USER + "/alias/delete", token, Api.json(Map.of("alias", alias))).status());
        Reply after = Accounts.passwordLogin(site, DemoRealm.SITE, "alias", alias, Accounts.PASSWORD);
        assertEquals(401, after.status(), "a deleted alias signs nobody in: " + after.body());
        assertEquals("INVALID_CREDENTIALS", after.code());
    }

    @Test
    void eightPeopleRacingForOneAliasOneWins() throws Exception {
        String site = Passwordless.siteToken();
        Mailbox mailbox = new Mailbox(mailServer);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Registered person = Accounts.active(site, mailbox, "racer" + i);
            tokens.add(Accounts.signIn(site, person.email(), Accounts.PASSWORD).get("access_token").asText());
        }
        String alias = "only-one-" + UUID.randomUUID().toString().substring(0, 6);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (String token : tokens) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return create(token, alias);
                }));
            }
            start.countDown();
            int created = 0;
            int taken = 0;
            for (Future<Reply> reply : replies) {
                Reply answer = reply.get();
                if (answer.status() == 201) {
                    created++;
                } else if (answer.status() == 409 && "ALIAS_TAKEN".equals(answer.code())) {
                    taken++;
                } else {
                    throw new AssertionError("unexpected answer " + answer.status() + " " + answer.body());
                }
            }
            assertEquals(1, created, "exactly one of eight wins");
            assertEquals(7, taken);
            System.out.printf("[lanyard-tests] alias race: 8 parallel creates, %d created, %d taken%n", created, taken);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Reply create(String token, String alias) {
        return Api.postJson(Accounts.USER + "/alias", token, Api.json(Map.of("alias", alias)));
    }

    private static List<String> aliases(Reply reply) {
        List<String> aliases = new ArrayList<>();
        reply.json().get("aliases").forEach(a -> aliases.add(a.asText()));
        return aliases;
    }

    private static void assertRefused(Reply reply, int status, String code) {
        assertEquals(status, reply.status(), reply.body());
        assertEquals(code, reply.code(), reply.body());
        assertTrue(reply.body().contains("\"message\""));
    }
}
