package dev.lanyard.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.keycloak.util.JsonSerialization;

/**
 * The legacy auth service of seed 003, served for real over HTTP by the test framework's server
 * (127.0.0.1:8500, path {@link #PATH}): person lookup by username or email and the password check,
 * in seed 003's envelope. Lookups are case-insensitive like the legacy system's. It records every
 * call (method and path, never the body) so tests can prove when Keycloak does not call it.
 */
public final class LegacyService {

    public static final String PATH = "/legacy";
    public static final String BASE_URL = "http://127.0.0.1:8500" + PATH;
    public static final String TENANT = "JANUS";

    private final Map<String, Person> people = new ConcurrentHashMap<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private volatile boolean broken;

    /** A legacy person; named "Legacy {username}" unless {@link #named} gives other names. */
    public record Person(String username, String email, String status, List<String> roles, String password, String firstName,
            String lastName) {
        public Person(String username, String email, String status, List<String> roles, String password) {
            this(username, email, status, roles, password, "Legacy", username);
        }

        public Person named(String first, String last) {
            return new Person(username, email, status, roles, password, first, last);
        }
    }

    private LegacyService() {
    }

    /** Serves a fresh, empty legacy service on the framework's HTTP server (replacing an earlier test's). */
    public static LegacyService serve(HttpServer server) {
        LegacyService service = new LegacyService();
        try {
            server.removeContext(PATH);
        } catch (IllegalArgumentException notThere) {
            // first use in this run
        }
        server.createContext(PATH, service::handle);
        return service;
    }

    public Person add(String username, String email, String status, String password, String... roles) {
        return add(new Person(username, email, status, List.of(roles), Secrets.record(password)));
    }

    public Person add(Person person) {
        people.put(person.username().toLowerCase(Locale.ROOT), person);
        return person;
    }

    /** A broken legacy answers every call with 500 (it still records them). */
    public void broken(boolean broken) {
        this.broken = broken;
    }

    public List<String> calls() {
        return List.copyOf(calls);
    }

    public void forgetCalls() {
        calls.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath().substring(PATH.length());
        calls.add(exchange.getRequestMethod() + " " + path);
        try (exchange) {
            if (broken) {
                reply(exchange, 500, envelope("ERROR", null));
            } else if (!TENANT.equals(exchange.getRequestHeaders().getFirst("tenantName"))) {
                reply(exchange, 400, envelope("VALIDATION", null));
            } else if ("GET".equals(exchange.getRequestMethod()) && path.startsWith("/auth/admin/client/person/")) {
                String wanted = URLDecoder.decode(path.substring("/auth/admin/client/person/".length()), StandardCharsets.UTF_8);
                Person person = find(wanted);
                reply(exchange, 200, person == null ? envelope("NOT_FOUND", null) : envelope("SUCCESS", personObject(person)));
            } else if ("POST".equals(exchange.getRequestMethod()) && path.equals("/auth/api/validate/password")) {
                JsonNode body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = JsonSerialization.mapper.readTree(in);
                }
                Person person = find(body.path("uuid").asText());
                boolean validated = person != null && person.password().equals(body.path("password").asText());
                reply(exchange, 200, envelope("SUCCESS", Map.of("passwordValidated", validated)));
            } else {
                reply(exchange, 404, envelope("NOT_FOUND", null));
            }
        }
    }

    private Person find(String usernameOrEmail) {
        Person byName = people.get(usernameOrEmail.toLowerCase(Locale.ROOT));
        if (byName != null) {
            return byName;
        }
        return people.values().stream().filter(p -> p.email() != null && p.email().equalsIgnoreCase(usernameOrEmail)).findFirst().orElse(null);
    }

    private static Map<String, Object> personObject(Person person) {
        List<Map<String, Object>> roles = new ArrayList<>();
        for (String role : person.roles()) {
            roles.add(Map.of("role", Map.of("name", role, "clientName", TENANT)));
        }
        List<Map<String, Object>> contacts = person.email() == null ? List.of()
                : List.of(Map.of("contactType", "EMAIL", "contact", person.email()));
        Map<String, Object> object = new java.util.LinkedHashMap<>();
        object.put("client", Map.of("name", TENANT));
        object.put("firstName", person.firstName());
        object.put("lastName", person.lastName());
        object.put("personType", "SUBSCRIBER");
        object.put("status", person.status());
        object.put("preferredLanguage", "EN");
        object.put("personCredentials", List.of(Map.of("credentialType", "USERNAME", "credential", person.username())));
        object.put("personRoles", roles);
        object.put("personContacts", contacts);
        object.put("username", person.username());
        object.put("password", null);
        return object;
    }

    private static Map<String, Object> envelope(String statusCode, Object data) {
        Map<String, Object> context = new java.util.LinkedHashMap<>();
        context.put("tenantName", TENANT);
        context.put("statusCode", statusCode);
        context.put("statusMessage", null);
        Map<String, Object> envelope = new java.util.LinkedHashMap<>();
        envelope.put("contextResponse", context);
        envelope.put("responseData", data);
        return envelope;
    }

    private static void reply(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JsonSerialization.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
