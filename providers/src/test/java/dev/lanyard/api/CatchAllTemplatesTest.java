package dev.lanyard.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Path;

import dev.lanyard.rest.SeedResource;
import dev.lanyard.rest.Unmatched;
import org.junit.jupiter.api.Test;

/**
 * Keycloak's routing lets a catch-all {@code {unmatched: .*}} of a method shadow that method's operation at the
 * resource's own path or at a bare {@code {param}} (proven on a running server by ApiContractIT). Here, without
 * a server: every resource that serves a method there has narrowed that method's catch-all, and no other.
 */
class CatchAllTemplatesTest {

    private static final Map<String, String> CATCH_ALLS = Map.of("GET", "unmatchedGet", "POST", "unmatchedPost",
            "PUT", "unmatchedPut", "DELETE", "unmatchedDelete", "PATCH", "unmatchedPatch");

    @Test
    void everyCatchAllLeavesTheOperationsOfItsMethodAlone() throws NoSuchMethodException {
        List<String> wrong = new ArrayList<>();
        for (ServedOperations.Located located : ServedOperations.resources()) {
            Class<?> resource = located.resource();
            for (Map.Entry<String, String> verb : CATCH_ALLS.entrySet()) {
                List<ServedOperations.Operation> mine = ServedOperations.operations().stream()
                        .filter(op -> op.resource() == resource && op.verb().equals(verb.getKey())).toList();
                boolean ownPath = mine.stream().anyMatch(op -> op.template().isEmpty());
                boolean bareParam = mine.stream().anyMatch(op -> op.template().matches("\\{[^}/]+}"));
                String expected = ownPath && bareParam ? "{unmatched: .+/.*}" : ownPath ? "{unmatched: .+}"
                        : bareParam ? "{unmatched: (.*/.*)?}" : "{unmatched: .*}";
                Method catchAll = resource.getMethod(verb.getValue(), String.class);
                String actual = catchAll.getAnnotation(Path.class).value();
                if (!expected.equals(actual)) {
                    wrong.add(resource.getSimpleName() + " " + verb.getKey() + ": " + actual + ", needs " + expected);
                }
                if (!catchAll.isAnnotationPresent(Unmatched.class)) {
                    wrong.add(resource.getSimpleName() + " " + verb.getKey() + ": catch-all without @Unmatched");
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyResourceHasTheCatchAlls() {
        for (ServedOperations.Located located : ServedOperations.resources()) {
            assertTrue(SeedResource.class.isAssignableFrom(located.resource()),
                    located.resource() + " at " + located.path() + " must extend SeedResource");
        }
    }
}
