package dev.lanyard.testing;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lanyard.testing.Api.Reply;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ClientScopeRepresentation;

/**
 * The seed 000 migration API as a migration partner calls it, and seed 003 person objects to
 * feed it. {@link #ensureMigrator} gives a test realm what realm-config/ gives the demo realm: the
 * MIGRATE_USERS client scope and a partner client that has it by default.
 */
public final class Migrations {

    public static final String SCOPE = "MIGRATE_USERS";
    public static final String MIGRATOR = "test-migrator";
    public static final String MIGRATOR_SECRET = "test-migrator-secret";
    /** A partner of the same realm without the scope. */
    public static final String PARTNER = "test-partner";
    public static final String PARTNER_SECRET = "test-partner-secret";

    private Migrations() {
    }

    /** Creates the MIGRATE_USERS scope and the migrator client in {@code realm} unless they exist. */
    public static void ensureMigrator(RealmResource realm) {
        if (realm.clientScopes().findAll().stream().noneMatch(s -> SCOPE.equals(s.getName()))) {
            ClientScopeRepresentation scope = new ClientScopeRepresentation();
            scope.setName(SCOPE);
            scope.setProtocol("openid-connect");
            scope.setAttributes(Map.of("include.in.token.scope", "true"));
            realm.clientScopes().create(scope).close();
        }
        ensureClient(realm, MIGRATOR, MIGRATOR_SECRET, List.of("basic", "roles", SCOPE));
        ensureClient(realm, PARTNER, PARTNER_SECRET, List.of("basic", "roles"));
    }

    private static void ensureClient(RealmResource realm, String clientId, String secret, List<String> scopes) {
        if (realm.clients().findByClientId(clientId).isEmpty()) {
            ClientRepresentation client = new ClientRepresentation();
            client.setClientId(clientId);
            client.setSecret(secret);
            client.setPublicClient(false);
            client.setServiceAccountsEnabled(true);
            client.setStandardFlowEnabled(false);
            client.setDefaultClientScopes(scopes);
            try (Response created = realm.clients().create(client)) {
                if (created.getStatus() != 201) {
                    throw new AssertionError("Creating the client " + clientId + " failed: " + created.getStatus());
                }
            }
        }
    }

    public static String token(String realm) {
        return Api.clientToken(realm, MIGRATOR, MIGRATOR_SECRET);
    }

    public static Reply submit(String realm, String token, String batchId, List<Map<String, Object>> users) {
        return Api.postJson(Api.realmUrl(realm) + "/migrate", token, Api.json(Map.of("migrationBatchId", batchId, "users", users)));
    }

    public static Reply status(String realm, String token, String batchId) {
        return status(realm, token, batchId, 0, 50);
    }

    public static Reply status(String realm, String token, String batchId, int page, int size) {
        return Api.get(Api.realmUrl(realm) + "/migrate/status?migrationBatchId=" + URLEncoder.encode(batchId, StandardCharsets.UTF_8)
                + "&page=" + page + "&size=" + size, token);
    }

    public static Reply retry(String realm, String token, String batchId) {
        return Api.send(HttpRequest.newBuilder(URI.create(Api.realmUrl(realm) + "/migrate/" + batchId))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** Polls the status until no record is pending; returns the last status body. */
    public static JsonNode awaitCompleted(String realm, String token, String batchId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode status = null;
        while (System.nanoTime() < deadline) {
            Reply reply = status(realm, token, batchId);
            if (reply.status() != 200) {
                throw new AssertionError("status answered " + reply.status() + ": " + reply.body());
            }
            status = reply.json();
            if ("COMPLETED".equals(status.path("status").asText())) {
                return status;
            }
            sleep(250);
        }
        throw new AssertionError("Batch " + batchId + " not completed within " + timeout + ": " + status);
    }

    /** A seed 003 person object (the shape legacy's admin API returns), as a map for the request body. */
    public static Map<String, Object> person(String username, String email, String status, String... roles) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("client", Map.of("name", LegacyService.TENANT));
        person.put("firstName", "Bulk");
        person.put("lastName", username);
        person.put("personType", "SUBSCRIBER");
        person.put("status", status);
        person.put("preferredLanguage", "EN");
        person.put("password", null);
        person.put("personCredentials", List.of(Map.of("credentialType", "USERNAME", "credential", username)));
        List<Map<String, Object>> personRoles = new ArrayList<>();
        for (String role : roles) {
            personRoles.add(Map.of("role", Map.of("name", role, "clientName", LegacyService.TENANT)));
        }
        person.put("personRoles", personRoles);
        person.put("personContacts", email == null ? List.of() : List.of(Map.of("contactType", "EMAIL", "contact", email)));
        person.put("username", username);
        return person;
    }

    public static Map<String, Object> withCredential(Map<String, Object> person, Map<String, Object> credential) {
        Map<String, Object> copy = new LinkedHashMap<>(person);
        copy.put("credential", credential);
        return copy;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
