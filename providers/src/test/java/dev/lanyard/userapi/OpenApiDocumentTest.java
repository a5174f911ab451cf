package dev.lanyard.userapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.lanyard.authapi.AuthApiProviderFactory;
import dev.lanyard.authapi.AuthApiResource;
import dev.lanyard.migration.batch.MigrateApiProviderFactory;
import dev.lanyard.migration.batch.MigrateApiResource;
import org.junit.jupiter.api.Test;

/** The OpenAPI document shipped in the jar lists exactly the operations the resources serve. */
class OpenApiDocumentTest {

    static final String DOCUMENT = "/openapi/lanyard-openapi.yaml";

    /** Root resource class of each realm resource provider, by its URL segment. */
    private static final Map<String, Class<?>> ROOTS = Map.of(UserApiProviderFactory.ID, UserApiResource.class,
            MigrateApiProviderFactory.ID, MigrateApiResource.class, AuthApiProviderFactory.ID, AuthApiResource.class);

    private static final Map<Class<? extends Annotation>, String> VERBS = Map.of(
            GET.class, "GET", POST.class, "POST", PUT.class, "PUT", DELETE.class, "DELETE", PATCH.class, "PATCH");

    @Test
    void documentAndResourcesListTheSameOperations() throws IOException {
        assertEquals(served(), documented());
    }

    @Test
    void everyOperationHasAnIdAnEnvelopeAndErrorAnswers() throws IOException {
        JsonNode paths = document().get("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String where = op.getKey() + " " + path.getKey();
                assertNotNull(op.getValue().get("operationId"), where);
                assertNotNull(op.getValue().get("x-lanyard-envelope"), where);
                assertTrue(op.getValue().get("responses").has("401"), where + " documents 401");
            }
        }
    }

    static JsonNode document() throws IOException {
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream(DOCUMENT)) {
            assertNotNull(in, DOCUMENT + " is packaged");
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    private static Set<String> documented() throws IOException {
        Set<String> operations = new TreeSet<>();
        document().get("paths").fields().forEachRemaining(path ->
                path.getValue().fieldNames().forEachRemaining(verb -> operations.add(verb.toUpperCase() + " " + path.getKey())));
        return operations;
    }

    private static Set<String> served() {
        Set<String> operations = new TreeSet<>();
        ROOTS.forEach((segment, root) -> {
            for (Method method : root.getDeclaredMethods()) {
                Path path = method.getAnnotation(Path.class);
                if (method.isAnnotationPresent(dev.lanyard.rest.Unmatched.class)) {
                    continue;
                }
                VERBS.forEach((annotation, verb) -> {
                    if (method.isAnnotationPresent(annotation)) {
                        String sub = path == null ? "" : "/" + path.value().replaceAll("^/|/$", "");
                        operations.add(verb + " /" + segment + sub);
                    }
                });
            }
        });
        return operations;
    }
}
