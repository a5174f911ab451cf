package dev.lanyard.testing;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The operations of the OpenAPI document shipped in the jar, as the contract suites need them: so a
 * new endpoint joins the hostile-input and authorization suites by being documented.
 */
public final class OpenApiOperations {

    public static final String DOCUMENT = "/openapi/lanyard-openapi.yaml";

    /** A field of a JSON request body. */
    public record Field(String name, String type, Integer maxLength, boolean required) {
    }

    /** One documented operation. {@code security} is the scheme name: clientCredentials or userToken. */
    public record Operation(String verb, String path, String operationId, String envelope, String security,
                            String scope, List<String> pathParams, boolean hasBody, boolean bodyRequired, List<Field> fields) {

        public boolean forPartners() {
            return "clientCredentials".equals(security);
        }

        @Override
        public String toString() {
            return verb + " " + path;
        }
    }

    private OpenApiOperations() {
    }

    public static List<Operation> all() {
        JsonNode document = document();
        String defaultSecurity = firstSchemeName(document.get("security"));
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> verbs = path.getValue().fields(); verbs.hasNext(); ) {
                Map.Entry<String, JsonNode> verb = verbs.next();
                operations.add(operation(document, verb.getKey().toUpperCase(), path.getKey(), verb.getValue(), defaultSecurity));
            }
        }
        return operations;
    }

    /** Methods documented at a path template. */
    public static Set<String> verbsAt(String path) {
        Set<String> verbs = new TreeSet<>();
        document().get("paths").get(path).fieldNames().forEachRemaining(v -> verbs.add(v.toUpperCase()));
        return verbs;
    }

    private static Operation operation(JsonNode document, String verb, String path, JsonNode node, String defaultSecurity) {
        String security = node.has("security") ? firstSchemeName(node.get("security")) : defaultSecurity;
        List<String> pathParams = new ArrayList<>();
        for (JsonNode declared : iterable(node.get("parameters"))) {
            // A shared parameter is a reference into components ("#/components/parameters/Name").
            JsonNode parameter = declared.has("$ref") ? document.at(declared.get("$ref").asText().substring(1)) : declared;
            if ("path".equals(parameter.get("in").asText())) {
                pathParams.add(parameter.get("name").asText());
            }
        }
        JsonNode body = node.get("requestBody");
        List<Field> fields = new ArrayList<>();
        if (body != null) {
            // A JSON body's fields feed the contract suites; another type (application/jose) is one opaque string.
            JsonNode content = body.get("content");
            JsonNode schema = (content.has("application/json") ? content.get("application/json") : content.elements().next()).get("schema");
            Set<String> required = new TreeSet<>();
            iterable(schema.get("required")).forEach(r -> required.add(r.asText()));
            if (schema.has("properties")) {
                schema.get("properties").fields().forEachRemaining(p -> fields.add(new Field(p.getKey(),
                        p.getValue().path("type").asText("string"),
                        p.getValue().has("maxLength") ? p.getValue().get("maxLength").asInt() : null,
                        required.contains(p.getKey()))));
            }
        }
        return new Operation(verb, path, node.get("operationId").asText(), node.get("x-lanyard-envelope").asText(), security,
                node.path("x-lanyard-scope").asText(null), pathParams, body != null,
                body != null && body.path("required").asBoolean(false), fields);
    }

    private static String firstSchemeName(JsonNode security) {
        return security == null || security.isEmpty() ? null : security.get(0).fieldNames().next();
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        return node == null ? List.of() : node;
    }

    private static JsonNode document() {
        try (InputStream in = OpenApiOperations.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new AssertionError(DOCUMENT + " is not on the classpath");
            }
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new AssertionError("Unreadable " + DOCUMENT, e);
        }
    }

    /** A request body with a plausible value for every field, from which the suites derive bad ones. */
    public static Map<String, Object> plausibleBody(Operation operation, Map<String, Object> values) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (Field field : operation.fields()) {
            body.put(field.name(), values.getOrDefault(field.name(), "x"));
        }
        return body;
    }
}
