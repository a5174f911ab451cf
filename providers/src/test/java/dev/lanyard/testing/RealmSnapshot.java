package dev.lanyard.testing;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.util.JsonSerialization;

/**
 * What a refused request must not change: the realm's settings, clients, flows and configs, and
 * every user with their credentials. Compared as JSON text before and after.
 */
public final class RealmSnapshot {

    private RealmSnapshot() {
    }

    /** The lines that differ between two snapshots (empty when equal), for a readable failure. */
    public static List<String> differences(String before, String after) {
        List<String> old = List.of(before.split("\n"));
        List<String> now = List.of(after.split("\n"));
        List<String> differences = new java.util.ArrayList<>();
        old.stream().filter(line -> !now.contains(line)).forEach(line -> differences.add("- " + line.trim()));
        now.stream().filter(line -> !old.contains(line)).forEach(line -> differences.add("+ " + line.trim()));
        return differences;
    }

    public static String of(ManagedRealm realm) {
        Map<String, Object> snapshot = new TreeMap<>();
        snapshot.put("realm", realm.admin().toRepresentation());
        snapshot.put("clients", realm.admin().clients().findAll());
        snapshot.put("flows", realm.admin().flows().getFlows());
        Map<String, Object> users = new TreeMap<>();
        for (UserRepresentation user : realm.admin().users().list(0, 100_000)) {
            List<CredentialRepresentation> credentials = realm.admin().users().get(user.getId()).credentials();
            users.put(user.getId(), Map.of("user", user, "credentials", credentials));
        }
        snapshot.put("users", users);
        try {
            JsonNode tree = JsonSerialization.mapper.valueToTree(snapshot);
            return JsonSerialization.mapper.writerWithDefaultPrettyPrinter().writeValueAsString(ordered(tree));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Keycloak returns some collections (e.g. a client's scopes) in no fixed order: sort arrays and keys. */
    private static JsonNode ordered(JsonNode node) throws IOException {
        if (node.isObject()) {
            ObjectNode sorted = JsonSerialization.mapper.createObjectNode();
            List<String> names = new java.util.ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            java.util.Collections.sort(names);
            for (String name : names) {
                sorted.set(name, ordered(node.get(name)));
            }
            return sorted;
        }
        if (node.isArray()) {
            List<JsonNode> items = new java.util.ArrayList<>();
            for (JsonNode item : node) {
                items.add(ordered(item));
            }
            items.sort(java.util.Comparator.comparing(JsonNode::toString));
            ArrayNode sorted = JsonSerialization.mapper.createArrayNode();
            items.forEach(sorted::add);
            return sorted;
        }
        return node;
    }
}
