package dev.lanyard.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.keycloak.util.JsonSerialization;

/**
 * A partner's view of Lanyard: plain HTTP to the running Keycloak, JSON in and out. Tokens
 * received are recorded as secrets for the leak scan.
 */
public final class Api {

    public static final String BASE = "http://localhost:8080";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Api() {
    }

    public record Reply(int status, String body, java.net.http.HttpHeaders headers) {

        public JsonNode json() {
            try {
                return JsonSerialization.mapper.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (" + status + "): " + body, e);
            }
        }

        /** The seed envelope's {@code code} field, or null. */
        public String code() {
            JsonNode code = json().get("code");
            return code == null ? null : code.asText();
        }
    }

    public static String realmUrl(String realm) {
        return BASE + "/realms/" + realm;
    }

    /** A client-credentials access token of {@code clientId}. */
    public static String clientToken(String realm, String clientId, String secret) {
        return clientTokenAt(realmUrl(realm), clientId, secret);
    }

    /** As {@link #clientToken} from the realm at {@code realmUrl} (another node's, say). */
    public static String clientTokenAt(String realmUrl, String clientId, String secret) {
        Reply reply = form(realmUrl + "/protocol/openid-connect/token",
                Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
        if (reply.status() != 200) {
            throw new AssertionError("Client credentials grant failed: " + reply.status() + " " + reply.body());
        }
        return Secrets.record(reply.json().get("access_token").asText());
    }

    public static Reply postJson(String url, String bearer, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.build());
    }

    public static Reply get(String url, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.build());
    }

    public static Reply form(String url, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    public static Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new AssertionError("HTTP call failed: " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }

    /** JSON text of a map, for request bodies. */
    public static String json(Map<String, ?> fields) {
        try {
            return JsonSerialization.writeValueAsString(fields);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
