package dev.lanyard.migration;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lanyard.metrics.LanyardMetrics;
import org.apache.http.client.config.RequestConfig;
import org.jboss.logging.Logger;
import org.keycloak.http.simple.SimpleHttp;
import org.keycloak.http.simple.SimpleHttpRequest;
import org.keycloak.http.simple.SimpleHttpResponse;
import org.keycloak.models.KeycloakSession;

/**
 * The legacy auth service over HTTP, in seed 003's shapes: {@code GET /auth/admin/client/person/{username}}
 * and {@code POST /auth/api/validate/password}, both answering {@code contextResponse} + {@code responseData}.
 * Uses Keycloak's shared HTTP client (its proxy and truststore settings) with this federation's own
 * short timeouts; one attempt per call, never a retry, so an outage costs each sign-in at most the timeouts.
 */
final class LegacyHttpDirectory implements LegacyDirectory {

    private static final Logger LOG = Logger.getLogger(LegacyHttpDirectory.class);
    /** A person object is a few kB; anything much larger is not an answer we read. */
    private static final long MAX_ANSWER_BYTES = 256 * 1024;

    private final KeycloakSession session;
    private final LegacySettings settings;

    LegacyHttpDirectory(KeycloakSession session, LegacySettings settings) {
        this.session = session;
        this.settings = settings;
    }

    @Override
    public Optional<LegacyPerson> find(String identifier) {
        String path = "/auth/admin/client/person/" + URLEncoder.encode(identifier.trim(), StandardCharsets.UTF_8).replace("+", "%20");
        long started = System.nanoTime();
        String outcome = "outage";
        try (SimpleHttpResponse response = authorized(http().doGet(settings.resolve(path).toString())).asResponse()) {
            int status = response.getStatus();
            if (status == 404) {
                outcome = "not-found";
                return Optional.empty();
            }
            JsonNode envelope = answer(response, status);
            outcome = "answered";
            JsonNode data = envelope.path("responseData");
            if (!isSuccess(envelope) || !data.isObject()) {
                // Seed 003 answers an unknown person with a non-SUCCESS status code and no data.
                return Optional.empty();
            }
            LegacyPerson person = LegacyPerson.fromPersonObject(data);
            return person.answersTo(identifier) ? Optional.of(person) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            throw unavailable("lookup", e);
        } finally {
            LanyardMetrics.time(LanyardMetrics.LEGACY_CALLS, System.nanoTime() - started, "call", "lookup", "outcome", outcome);
        }
    }

    @Override
    public boolean passwordMatches(String uuid, String password) {
        long started = System.nanoTime();
        String outcome = "outage";
        try (SimpleHttpResponse response = authorized(http().doPost(settings.resolve("/auth/api/validate/password").toString()))
                .json(Map.of("uuid", uuid, "password", password)).asResponse()) {
            int status = response.getStatus();
            if (status == 400 || status == 401 || status == 403 || status == 404) {
                outcome = "refused";
                return false;
            }
            outcome = "answered";
            JsonNode envelope = answer(response, status);
            return isSuccess(envelope) && envelope.path("responseData").path("passwordValidated").asBoolean(false);
        } catch (IOException | RuntimeException e) {
            throw unavailable("password check", e);
        } finally {
            LanyardMetrics.time(LanyardMetrics.LEGACY_CALLS, System.nanoTime() - started, "call", "password-check", "outcome", outcome);
        }
    }

    private SimpleHttp http() {
        RequestConfig timeouts = RequestConfig.custom()
                .setConnectTimeout(settings.connectTimeoutMillis())
                .setConnectionRequestTimeout(settings.connectTimeoutMillis())
                .setSocketTimeout(settings.readTimeoutMillis())
                .build();
        return SimpleHttp.create(session).withRequestConfig(timeouts).withMaxConsumedResponseSize(MAX_ANSWER_BYTES);
    }

    private SimpleHttpRequest authorized(SimpleHttpRequest request) throws IOException {
        request.acceptJson();
        if (settings.tenantName() != null) {
            request.header("tenantName", settings.tenantName());
        }
        return switch (settings.auth()) {
            case NONE -> request;
            case BASIC -> request.authBasic(settings.authUser(), settings.authSecret());
            case BEARER -> request.auth(settings.authSecret());
            case CLIENT_CREDENTIALS -> request.auth(clientCredentialsToken());
        };
    }

    private String clientCredentialsToken() throws IOException {
        try (SimpleHttpResponse response = http().doPost(settings.tokenUrl().toString())
                .authBasic(settings.authUser(), settings.authSecret())
                .param("grant_type", "client_credentials").asResponse()) {
            JsonNode token = answer(response, response.getStatus()).path("access_token");
            if (!token.isTextual()) {
                throw new IOException("the token endpoint answered without an access_token");
            }
            return token.asText();
        }
    }

    private static JsonNode answer(SimpleHttpResponse response, int status) throws IOException {
        if (status >= 300) {
            throw new IOException("HTTP " + status);
        }
        return response.asJson();
    }

    private static boolean isSuccess(JsonNode envelope) {
        return "SUCCESS".equalsIgnoreCase(envelope.path("contextResponse").path("statusCode").asText());
    }

    private LegacyUnavailableException unavailable(String call, Exception cause) {
        // Only the kind of failure: a parser's or client's message may quote the answer or the URL (a person's name).
        String message = cause.getMessage();
        String reason = message != null && message.startsWith("HTTP ") ? message : cause.getClass().getSimpleName();
        LOG.warnf("Legacy auth service at %s failed the %s (%s)", settings.baseUrl().getHost(), call, reason);
        return new LegacyUnavailableException("The legacy auth service at " + settings.baseUrl().getHost() + " does not answer");
    }
}
