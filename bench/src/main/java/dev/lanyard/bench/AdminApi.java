package dev.lanyard.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The few Keycloak admin REST calls the benchmark's setup needs, as the bootstrap admin. */
final class AdminApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String token;

    private AdminApi(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    static AdminApi login(String baseUrl) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=admin-cli&username=admin&password=admin";
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        expect(response, 200);
        return new AdminApi(baseUrl, JSON.readTree(response.body()).get("access_token").asText());
    }

    void createRealm(Map<String, Object> realm) throws IOException, InterruptedException {
        expect(send("POST", "/admin/realms", realm), 201);
    }

    void createUser(String realm, Map<String, Object> user) throws IOException, InterruptedException {
        expect(send("POST", "/admin/realms/" + realm + "/users", user), 201);
    }

    /** The id of a client by its clientId. */
    String clientUuid(String realm, String clientId) throws IOException, InterruptedException {
        HttpResponse<String> response = send("GET", "/admin/realms/" + realm + "/clients?clientId="
                + URLEncoder.encode(clientId, StandardCharsets.UTF_8), null);
        expect(response, 200);
        return JSON.readTree(response.body()).get(0).get("id").asText();
    }

    void put(String path, Map<String, Object> body) throws IOException, InterruptedException {
        expect(send("PUT", path, body), 204);
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send("GET", path, null);
        expect(response, 200);
        return JSON.readTree(response.body());
    }

    void post(String path, Object body) throws IOException, InterruptedException {
        HttpResponse<String> response = send("POST", path, body);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private HttpResponse<String> send(String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + token);
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
    }

    static List<Object> list(Object... items) {
        return List.of(items);
    }
}
