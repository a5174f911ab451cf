package dev.lanyard.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import dev.lanyard.testing.Api;
import dev.lanyard.testing.DemoRealm;
import dev.lanyard.testing.LanyardServer;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

/** The OpenAPI document is served beside the console, byte for byte the one in the jar, under a strict CSP. */
@KeycloakIntegrationTest(config = LanyardServer.class)
class ConsoleIT {

    @InjectRealm(lifecycle = LifeCycle.GLOBAL, fromJson = DemoRealm.JSON, config = DemoRealm.class)
    ManagedRealm realm;

    @Test
    void theOpenApiDocumentIsServedAsShipped() throws Exception {
        HttpResponse<String> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(Api.realmUrl(DemoRealm.NAME) + "/lanyard-console/openapi.yaml")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, served.statusCode());
        assertTrue(served.headers().firstValue("Content-Type").orElse("").startsWith("application/yaml"));
        assertEquals("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
                served.headers().firstValue("Content-Security-Policy").orElse(""));
        try (InputStream shipped = ConsoleIT.class.getResourceAsStream("/openapi/lanyard-openapi.yaml")) {
            assertEquals(new String(shipped.readAllBytes(), StandardCharsets.UTF_8), served.body());
        }
        assertTrue(served.body().contains("operationId: conciergeCardholderDetails"));
    }
}
