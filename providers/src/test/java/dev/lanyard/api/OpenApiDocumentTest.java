package dev.lanyard.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

/** The OpenAPI document shipped in the jar lists exactly the operations the resources serve, locators followed. */
class OpenApiDocumentTest {

    static final String DOCUMENT = "/openapi/lanyard-openapi.yaml";

    @Test
    void documentAndResourcesListTheSameOperations() throws IOException {
        Set<String> served = new TreeSet<>();
        ServedOperations.operations().forEach(op -> served.add(op.verb() + " " + op.path()));
        assertEquals(documented(), served);
    }

    @Test
    void theWalkReachesEverySegmentTheDocumentNames() throws IOException {
        Set<String> segments = new TreeSet<>();
        documented().forEach(op -> segments.add(op.split(" ")[1].split("/")[1]));
        assertTrue(ServedOperations.roots().keySet().containsAll(segments), "roots " + ServedOperations.roots().keySet());
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

    @Test
    void everyReferenceResolves() throws IOException {
        JsonNode document = document();
        List<String> unresolved = new ArrayList<>();
        collectUnresolved(document, document, unresolved);
        assertEquals(List.of(), unresolved, "$ref targets missing from the document");
    }

    private static void collectUnresolved(JsonNode document, JsonNode node, List<String> unresolved) {
        if (node.has("$ref") && node.get("$ref").isTextual()) {
            String ref = node.get("$ref").asText();
            if (!ref.startsWith("#/") || document.at(ref.substring(1)).isMissingNode()) {
                unresolved.add(ref);
            }
        }
        node.elements().forEachRemaining(child -> collectUnresolved(document, child, unresolved));
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
}
