package dev.lanyard.testing;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lanyard.testing.Api.Reply;

/** Calls to seed 003's auth service of the demo realm, with headers as the seed's examples send them. */
public final class AuthService {

    public static final String BASE = Api.realmUrl(DemoRealm.NAME) + "/auth";

    private AuthService() {
    }

    /** {@code method} {@code path} (below /auth) with a bearer token, a JSON body (or null) and header name/value pairs. */
    public static Reply call(String method, String path, String token, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return Api.send(request.build());
    }

    /** {@code contextResponse.statusCode}: SUCCESS, VALIDATION or ERROR. */
    public static String status(Reply reply) {
        return reply.json().path("contextResponse").path("statusCode").asText(null);
    }

    /** {@code contextResponse.additionalStatusCode}: Lanyard's code of a refusal. */
    public static String code(Reply reply) {
        return reply.json().path("contextResponse").path("additionalStatusCode").asText(null);
    }

    public static JsonNode data(Reply reply) {
        return reply.json().get("responseData");
    }
}
