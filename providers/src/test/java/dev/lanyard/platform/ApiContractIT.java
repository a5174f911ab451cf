package dev.lanyard.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lanyard.testing.Api;
import dev.lanyard.testing.Api.Reply;
import dev.lanyard.testing.DemoRealm;
import dev.lanyard.testing.LanyardServer;
import dev.lanyard.testing.Mailbox;
import dev.lanyard.testing.OpenApiOperations;
import dev.lanyard.testing.OpenApiOperations.Field;
import dev.lanyard.testing.OpenApiOperations.Operation;
import dev.lanyard.testing.Passwordless;
import dev.lanyard.testing.RealmSnapshot;
import dev.lanyard.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ClientBuilder;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.testframework.remote.timeoffset.InjectTimeOffSet;
import org.keycloak.testframework.remote.timeoffset.TimeOffSet;

/**
 * For every operation of the OpenAPI document shipped in the jar: generated bad requests, and an
 * authorization matrix. Every answer must be a 4xx in the operation's seed envelope, never a 5xx,
 * and the realm's data must be the same afterwards. A new endpoint joins by being documented.
 */
@KeycloakIntegrationTest(config = LanyardServer.class)
class ApiContractIT {

    /** Answers of Keycloak's own request guard, which refuses un-normalized paths before any provider runs. */
    private static final Set<String> KEYCLOAK_PATH_GUARD = Set.of("missingNormalization", "invalidCharacter");

    private static final Map<String, Object> PLAUSIBLE = Map.of(
            "email", "nobody-hostile@lanyard.test", "siteId", DemoRealm.SITE, "otp", "123456", "totp", "123456",
            "deviceName", "Phone");
    private static final Map<String, String> PATH_VALUES = Map.ofEntries(Map.entry("siteId", DemoRealm.SITE),
            Map.entry("credentialId", "no-such-device"), Map.entry("migrationBatchId", "no-such-batch"), Map.entry("uuid", "no-such-person"),
            Map.entry("auditId", "1"), Map.entry("userId", "no-such-user"), Map.entry("jobId", "no-such-job"), Map.entry("revalidationBatchId", "no-such-batch"),
            Map.entry("personSecurityAnswerId", "no-such-answer"), Map.entry("tenantName", "no-such-tenant"), Map.entry("roleId", "no-such-role"),
            Map.entry("id", "no-such-question"), Map.entry("programCode", "demo-debit"), Map.entry("accountIdentifier", "no-such-account"),
            Map.entry("userIdentifier", "no-such-user"));

    @InjectRealm(lifecycle = LifeCycle.GLOBAL, fromJson = DemoRealm.JSON, config = DemoRealm.class)
    ManagedRealm realm;

    @InjectRealm(ref = "stranger", config = StrangerTenant.class)
    ManagedRealm strangerRealm;

    @InjectMailServer
    MailServer mailServer;

    @InjectTimeOffSet
    TimeOffSet timeOffSet;

    /** {@code allowed}: for a request with a method the path does not take, the methods its 405 must name in Allow. */
    private record Attempt(String description, Operation operation, HttpRequest request, boolean pathGuardAllowed, Set<String> allowed) {
        Attempt(String description, Operation operation, HttpRequest request, boolean pathGuardAllowed) {
            this(description, operation, request, pathGuardAllowed, null);
        }
    }

    /** The codes of the catch-alls (dev.lanyard.rest.RouteTable): an answer with one never came from an operation. */
    private static final Set<String> CATCH_ALL_CODES = Set.of("NOT_FOUND", "METHOD_NOT_ALLOWED");

    @Test
    void badRequestsGet4xxInTheSeedEnvelopeAndChangeNothing() {
        String partnerToken = Passwordless.siteToken();
        String userToken = Passwordless.signIn(new Mailbox(mailServer), TestUsers.create(realm, "hostile")).get("access_token").asText();
        String before = RealmSnapshot.of(realm);

        List<Attempt> attempts = new ArrayList<>();
        List<Operation> operations = OpenApiOperations.all();
        // Scoped operations get a token with their scope, and seed 004's the partner of its program (demo-partner), so the
        // bad bodies reach the endpoint's own checks.
        Map<String, String> scopedTokens = scopedTokens();
        // Tenant-admin operations get a tenant admin's token (demo-partner holds ADMIN), so bad input reaches their checks.
        String adminToken = Api.clientToken(DemoRealm.NAME, DemoRealm.PARTNER, DemoRealm.PARTNER_SECRET);
        for (Operation operation : operations) {
            String token = operation.scope() != null ? scopedTokens.get(operation.scope())
                    : "tenantAdmin".equals(operation.security()) || "BANKING".equals(operation.envelope()) ? adminToken
                    : operation.forPartners() ? partnerToken : userToken;
            attempts.addAll(badRequests(operation, token));
        }
        List<String> violations = new ArrayList<>();
        int guarded = 0;
        for (Attempt attempt : attempts) {
            Reply reply = Api.send(attempt.request());
            String problem = problemWith(reply, attempt);
            if ("guard".equals(problem)) {
                guarded++;
            } else if (problem != null) {
                violations.add(attempt.operation() + " / " + attempt.description() + ": " + problem);
            }
        }
        assertTrue(violations.isEmpty(), violations.size() + " of " + attempts.size() + " bad requests answered wrongly:\n"
                + String.join("\n", violations));
        assertEquals(List.of(), RealmSnapshot.differences(before, RealmSnapshot.of(realm)), "Bad requests changed the realm's data");
        System.out.printf("[lanyard-tests] hostile input: %d bad requests over %d operations, all 4xx in the seed envelope"
                + " (%d refused by Keycloak's path guard before Lanyard)%n", attempts.size(), operations.size(), guarded);
    }

    @Test
    void callersWithoutTheRightTokenGet401Or403() {
        String partnerToken = Passwordless.siteToken();
        String userToken = Passwordless.signIn(new Mailbox(mailServer), TestUsers.create(realm, "matrix")).get("access_token").asText();
        String strangerToken = Api.clientToken(strangerRealm.getName(), "stranger-site", "stranger-secret");
        String before = RealmSnapshot.of(realm);

        List<String> violations = new ArrayList<>();
        int checked = 0;
        for (Operation operation : OpenApiOperations.all()) {
            Map<String, String> cases = new LinkedHashMap<>();
            cases.put("no token", null);
            cases.put("malformed token", "not.a.jwt");
            cases.put("token of another realm", strangerToken);
            cases.put(operation.forPartners() ? "a user's token on a partner endpoint" : "a client's token on a user endpoint",
                    operation.forPartners() ? userToken : partnerToken);
            for (Map.Entry<String, String> c : cases.entrySet()) {
                int expected = c.getValue() == null || c.getKey().contains("realm") || c.getKey().contains("malformed") ? 401 : 403;
                checked++;
                expectStatus(violations, operation, c.getKey(), send(operation, c.getValue()), expected);
            }
            if (operation.scope() != null) {
                checked++;
                expectStatus(violations, operation, "token without scope " + operation.scope(), send(operation, partnerToken), 403);
            }
        }

        // A tenant header naming another tenant, with a token of the right kind: refused whatever else the request is.
        for (Operation operation : OpenApiOperations.all()) {
            for (String header : List.of("tenantName", "X-ClientCode")) {
                checked++;
                expectStatus(violations, operation, header + " of another tenant",
                        send(operation, operation.forPartners() ? partnerToken : userToken, header, strangerRealm.getName()), 403);
            }
        }

        // Expired: the same tokens, after their 5-minute lifespan.
        timeOffSet.set(360);
        for (Operation operation : OpenApiOperations.all()) {
            checked++;
            expectStatus(violations, operation, "expired token", send(operation, operation.forPartners() ? partnerToken : userToken), 401);
        }
        timeOffSet.set(0);

        assertTrue(violations.isEmpty(), String.join("\n", violations));
        assertEquals(List.of(), RealmSnapshot.differences(before, RealmSnapshot.of(realm)), "Refused callers changed the realm's data");
        System.out.printf("[lanyard-tests] authorization matrix: %d requests, all 401/403 in the seed envelope%n", checked);
    }

    /**
     * Each documented operation, sent as documented (path values and body plausible, the right kind of token), is
     * answered by the operation itself: never by a catch-all, which would mean a catch-all shadows it (as one of the
     * same method does a bare {credentialId}, {migrationBatchId} or {userId}, or the resource's own path, unless
     * narrowed). Operations may refuse (the values are made up); they must not be missed.
     */
    @Test
    void everyOperationIsReachedNotShadowedByACatchAll() {
        String partnerToken = Passwordless.siteToken();
        String userToken = Passwordless.signIn(new Mailbox(mailServer), TestUsers.create(realm, "routing")).get("access_token").asText();
        Map<String, String> scopedTokens = scopedTokens();
        // Tenant-admin operations get a tenant admin's token (demo-partner holds ADMIN), so bad input reaches their checks.
        String adminToken = Api.clientToken(DemoRealm.NAME, DemoRealm.PARTNER, DemoRealm.PARTNER_SECRET);
        List<String> shadowed = new ArrayList<>();
        List<Operation> operations = OpenApiOperations.all();
        for (Operation operation : operations) {
            String token = operation.scope() != null ? scopedTokens.get(operation.scope())
                    : "tenantAdmin".equals(operation.security()) || "BANKING".equals(operation.envelope()) ? adminToken
                    : operation.forPartners() ? partnerToken : userToken;
            Reply reply = send(operation, token);
            String code = catchAllCode(reply, operation);
            if (code != null && CATCH_ALL_CODES.contains(code)) {
                shadowed.add(operation + " answered " + reply.status() + " " + abbreviate(reply.body()));
            }
        }
        assertTrue(shadowed.isEmpty(), "Operations answered by a catch-all:\n" + String.join("\n", shadowed));

        // And the catch-alls answer what no operation serves, in the envelope of the seed the path belongs to.
        List<String> wrong = new ArrayList<>();
        for (String path : List.of("/user/nope", "/user/mfa", "/user/mfa/totp/a/b", "/user/site/" + DemoRealm.SITE + "/nope",
                "/user/internal/screening/a/b/c", "/migrate/a/b", "/auth/nope", "/auth/admin/client/person/audit/a/b/c")) {
            Reply reply = Api.send(request("GET", Api.realmUrl(DemoRealm.NAME) + path, userToken, "application/json", null));
            String code = path.startsWith("/auth/") ? reply.json().path("contextResponse").path("additionalStatusCode").asText(null)
                    : reply.json().path("code").asText(null);
            if (reply.status() != 404 || !"NOT_FOUND".equals(code)) {
                wrong.add("GET " + path + ": " + reply.status() + " " + abbreviate(reply.body()));
            }
        }
        assertTrue(wrong.isEmpty(), "Unknown paths not answered 404 NOT_FOUND in their envelope:\n" + String.join("\n", wrong));
        System.out.printf("[lanyard-tests] routing: %d operations each reached by its own request%n", operations.size());
    }

    @Test
    void theSnapshotNoticesAChangeOfData() {
        String before = RealmSnapshot.of(realm);
        TestUsers.create(realm, "snapshot");
        assertTrue(RealmSnapshot.differences(before, RealmSnapshot.of(realm)).size() > 0, "A new user must show");
    }

    /** A token carrying each seed scope the document names: the demo realm's client that has it by default. */
    private static Map<String, String> scopedTokens() {
        return Map.of("MIGRATE_USERS", Api.clientToken(DemoRealm.NAME, DemoRealm.MIGRATOR, DemoRealm.MIGRATOR_SECRET),
                "SYSTEM_USER_R", Api.clientToken(DemoRealm.NAME, DemoRealm.PARTNER, DemoRealm.PARTNER_SECRET),
                "USER-ATTRIBUTES_RW", Api.clientToken(DemoRealm.NAME, DemoRealm.PARTNER, DemoRealm.PARTNER_SECRET));
    }

    private static void expectStatus(List<String> violations, Operation operation, String who, Reply reply, int expected) {
        if (reply.status() != expected || envelopeProblem(reply, operation) != null) {
            violations.add(operation + " with " + who + ": " + reply.status() + " " + abbreviate(reply.body()) + " (expected " + expected + ")");
        }
    }

    private Reply send(Operation operation, String token) {
        return send(operation, token, null, null);
    }

    private Reply send(Operation operation, String token, String header, String value) {
        Map<String, Object> body = OpenApiOperations.plausibleBody(operation, PLAUSIBLE);
        HttpRequest request = request(operation.verb(), url(operation, PATH_VALUES), token, "application/json",
                operation.hasBody() ? Api.json(body) : null);
        if (header != null) {
            request = HttpRequest.newBuilder(request, (name, v) -> true).header(header, value).build();
        }
        return Api.send(request);
    }

    /** The generated bad requests of one operation. */
    private List<Attempt> badRequests(Operation operation, String token) {
        List<Attempt> attempts = new ArrayList<>();
        String url = url(operation, PATH_VALUES);
        Map<String, Object> plausible = OpenApiOperations.plausibleBody(operation, PLAUSIBLE);

        if (operation.hasBody()) {
            List<Map.Entry<String, Object>> bodies = new ArrayList<>();
            if (operation.fields().stream().anyMatch(Field::required)) {
                bodies.add(Map.entry("empty object", Map.of()));
            }
            for (Field field : operation.fields()) {
                if (field.required()) {
                    bodies.add(Map.entry("missing " + field.name(), without(plausible, field.name())));
                }
                for (Object wrong : new Object[]{42, true, List.of(1), Map.of("a", 1)}) {
                    bodies.add(Map.entry(field.name() + " as " + wrong.getClass().getSimpleName(), with(plausible, field.name(), wrong)));
                }
                if (field.required()) {
                    bodies.add(Map.entry(field.name() + " null", with(plausible, field.name(), null)));
                }
                bodies.add(Map.entry(field.name() + " 10 kB", with(plausible, field.name(), "x".repeat(10_000))));
                bodies.add(Map.entry(field.name() + " 1 MB", with(plausible, field.name(), "x".repeat(1_000_000))));
                bodies.add(Map.entry(field.name() + " control characters", with(plausible, field.name(), "a\u0000\u0007\u001b\u007fb")));
                bodies.add(Map.entry(field.name() + " non-Latin", with(plausible, field.name(), "Ωмир漢字🙂")));
                bodies.add(Map.entry(field.name() + " blank", with(plausible, field.name(), "   ")));
            }
            bodies.add(Map.entry("extra field", with(plausible, "isAdmin", true)));
            for (Map.Entry<String, Object> body : bodies) {
                attempts.add(new Attempt(body.getKey(), operation, request(operation.verb(), url, token, "application/json", Api.json(asMap(body.getValue()))), false));
            }
            for (String raw : List.of("{\"email\": ", "[]", "\"text\"", "null", "{\"a\":1,}", "{'single':'quotes'}")) {
                attempts.add(new Attempt("malformed JSON " + raw, operation, request(operation.verb(), url, token, "application/json", raw), false));
            }
            if (operation.bodyRequired()) {
                attempts.add(new Attempt("empty body", operation, request(operation.verb(), url, token, "application/json", ""), false));
            }
            for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")) {
                attempts.add(new Attempt("content type " + type, operation, request(operation.verb(), url, token, type, Api.json(plausible)), false));
            }
        }

        Set<String> served = OpenApiOperations.verbsAt(operation.path());
        for (String verb : List.of("GET", "POST", "PUT", "DELETE", "PATCH")) {
            if (!served.contains(verb)) {
                attempts.add(new Attempt("wrong method " + verb, operation, request(verb, url, token, "application/json",
                        "GET".equals(verb) ? null : Api.json(plausible)), false, served));
            }
        }

        for (String param : operation.pathParams()) {
            for (String hostile : List.of("..", "../../master", "..%2F..%2Fadmin", "%2e%2e", "..;", "%00", "%c0%ae%c0%ae",
                    "Ωмир", "x".repeat(2_000))) {
                Map<String, String> values = new LinkedHashMap<>(PATH_VALUES);
                values.put(param, hostile);
                attempts.add(new Attempt(param + " = " + abbreviate(hostile), operation, request(operation.verb(), url(operation, values, false),
                        token, "application/json", operation.hasBody() ? Api.json(plausible) : null), true));
            }
        }
        return attempts;
    }

    /** Null when the answer is a 4xx in the seed envelope; "guard" for Keycloak's own path guard where allowed. */
    private static String problemWith(Reply reply, Attempt attempt) {
        if (attempt.allowed() != null && CATCH_ALL_CODES.contains(catchAllCode(reply, attempt.operation()))) {
            // Answered by a catch-all (not by an operation whose template also takes this method, e.g. POST /migrate/status
            // is a retry of the batch "status"): then it must be 405 naming the methods the path takes.
            Set<String> allow = Set.of(reply.headers().firstValue("Allow").orElse("").split(",\\s*"));
            if (reply.status() != 405 || !allow.containsAll(attempt.allowed())) {
                return "expected 405 with Allow " + attempt.allowed() + ", got " + reply.status() + " Allow " + allow
                        + " " + abbreviate(reply.body());
            }
        }
        if (reply.status() >= 500) {
            return "server error " + reply.status() + " " + abbreviate(reply.body());
        }
        if (reply.status() < 400) {
            return "accepted with " + reply.status() + " " + abbreviate(reply.body());
        }
        String envelope = envelopeProblem(reply, attempt.operation());
        if (envelope == null) {
            return null;
        }
        if (attempt.pathGuardAllowed() && reply.status() == 400) {
            try {
                JsonNode error = reply.json().get("error");
                if (error != null && KEYCLOAK_PATH_GUARD.contains(error.asText())) {
                    return "guard";
                }
            } catch (AssertionError notJson) {
                // falls through to the envelope problem
            }
        }
        return envelope + " (" + reply.status() + " " + abbreviate(reply.body()) + ")";
    }

    /** The error code of an answer in the operation's envelope, or null. */
    private static String catchAllCode(Reply reply, Operation operation) {
        JsonNode body;
        try {
            body = reply.json();
        } catch (AssertionError notJson) {
            return null;
        }
        if ("BANKING".equals(operation.envelope())) {
            return body.path("responseDetails").path(0).path("reason").asText(null);
        }
        return "AUTH_SERVICE".equals(operation.envelope())
                ? body.path("contextResponse").path("additionalStatusCode").asText(null) : body.path("code").asText(null);
    }

    private static String envelopeProblem(Reply reply, Operation operation) {
        JsonNode body;
        try {
            body = reply.json();
        } catch (AssertionError notJson) {
            return "not JSON";
        }
        if ("BANKING".equals(operation.envelope())) {
            JsonNode details = body == null ? null : body.get("responseDetails");
            if (details == null || !details.isArray() || details.isEmpty() || !details.get(0).path("code").isInt()
                    || !details.get(0).path("subCode").isInt() || !details.get(0).path("description").isTextual()) {
                return "not seed 004's envelope {responseDetails: [{code, subCode, description, url}]}";
            }
            return null;
        }
        if ("AUTH_SERVICE".equals(operation.envelope())) {
            JsonNode context = body == null ? null : body.get("contextResponse");
            if (context == null || !context.path("statusCode").isTextual() || !context.path("additionalStatusCode").isTextual()
                    || !body.has("responseData")) {
                return "not seed 003's envelope {contextResponse: {statusCode, additionalStatusCode, ...}, responseData}";
            }
            return null;
        }
        if (body == null || !body.isObject() || !body.path("code").isTextual() || body.path("code").asText().isEmpty()
                || !body.path("message").isTextual()) {
            return "not the seed envelope {code, message}";
        }
        return null;
    }

    private static HttpRequest request(String verb, String url, String token, String contentType, String body) {
        // Seed 004's request id on every request, so its operations are reached past that check (BankingUsersIT tests it missing).
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").header("X-GD-RequestID", java.util.UUID.randomUUID().toString());
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            builder.header("Content-Type", contentType).method(verb, HttpRequest.BodyPublishers.ofString(body));
        } else {
            builder.method(verb, HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }

    private static String url(Operation operation, Map<String, String> values) {
        return url(operation, values, true);
    }

    /**
     * The operation's URL. Plausible values are encoded; hostile ones are sent as written (they are
     * encoded where they mean to be), except non-ASCII, which a URL cannot carry unencoded.
     */
    private static String url(Operation operation, Map<String, String> values, boolean encode) {
        String path = operation.path();
        for (Map.Entry<String, String> value : values.entrySet()) {
            String text = value.getValue();
            if (encode || !isAscii(text)) {
                text = URLEncoder.encode(text, StandardCharsets.UTF_8);
            }
            path = path.replace("{" + value.getKey() + "}", text);
        }
        return Api.realmUrl(DemoRealm.NAME) + path;
    }

    private static boolean isAscii(String text) {
        return text.chars().allMatch(c -> c < 128);
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    private static Map<String, Object> without(Map<String, Object> body, String field) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.remove(field);
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> asMap(Object body) {
        return (Map<String, ?>) body;
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() <= 160 ? text : text.substring(0, 160) + "…";
    }

    /** Another tenant, whose tokens must be worthless here. */
    static final class StrangerTenant implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("stranger-tenant").clients(ClientBuilder.create().clientId("stranger-site").secret("stranger-secret")
                    .serviceAccountsEnabled(true).build());
        }
    }
}
