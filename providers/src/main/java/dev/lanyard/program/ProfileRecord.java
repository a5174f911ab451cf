package dev.lanyard.program;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lanyard.userdata.UserData;

/**
 * What Lanyard keeps of a seed 004 profile beside the Keycloak user (names) and the sealed identity: middle name,
 * addresses, email, phones (with when each last changed), terms acceptances, contact verification ids and the
 * partner's dates, as one JSON document. Addresses are updated by type and never deleted, as the seed says of them.
 */
final class ProfileRecord {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ObjectNode node;

    private ProfileRecord(ObjectNode node) {
        this.node = node;
    }

    static ProfileRecord of(String json) {
        if (json == null) {
            return new ProfileRecord(JSON.createObjectNode());
        }
        try {
            return new ProfileRecord((ObjectNode) JSON.readTree(json));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("An unreadable profile record", e);
        }
    }

    String json() {
        return node.toString();
    }

    ObjectNode node() {
        return node;
    }

    List<UserData.Phone> phones() {
        List<UserData.Phone> phones = new ArrayList<>();
        node.path("phones").forEach(p -> phones.add(new UserData.Phone(p.path("number").asText(), p.path("type").asText(), p.path("isDefault").asBoolean())));
        return phones;
    }

    ProfileRecord with(UserData data, long now) {
        String stamp = Instant.ofEpochMilli(now).toString();
        if (data.profile() != null) {
            if (data.profile().middleName() != null) {
                node.put("middleName", data.profile().middleName());
            }
            node.put("profileUpdated", stamp);
            if (data.profile().addresses() != null) {
                ArrayNode addresses = node.withArray("addresses");
                for (UserData.Address a : data.profile().addresses()) {
                    ObjectNode entry = JSON.createObjectNode();
                    entry.put("addressLine1", a.addressLine1());
                    entry.put("addressLine2", a.addressLine2());
                    entry.put("city", a.city());
                    entry.put("state", a.state());
                    entry.put("zipCode", a.zipCode());
                    entry.put("countryCode", a.countryCode());
                    entry.put("type", a.type());
                    entry.put("isDefault", a.isDefault());
                    entry.put("lastUpdated", now);
                    int same = -1;
                    for (int i = 0; i < addresses.size(); i++) {
                        if (a.type().equals(addresses.get(i).path("type").asText())) {
                            same = i;
                        }
                    }
                    if (same >= 0) {
                        addresses.set(same, entry);
                    } else {
                        addresses.add(entry);
                    }
                }
            }
        }
        if (data.email() != null) {
            ObjectNode email = JSON.createObjectNode();
            email.put("emailAddress", data.email().emailAddress());
            email.put("lastUpdated", stamp);
            node.set("email", email);
        }
        if (data.phones() != null) {
            List<UserData.Phone> before = phones();
            ArrayNode phones = JSON.createArrayNode();
            for (UserData.Phone p : data.phones()) {
                ObjectNode entry = JSON.createObjectNode();
                entry.put("number", p.number());
                entry.put("type", p.type());
                entry.put("isDefault", p.isDefault());
                String kept = null;
                for (JsonNode old : node.path("phones")) {
                    if (before.contains(p) && old.path("number").asText().equals(p.number()) && old.path("type").asText().equals(p.type())) {
                        kept = old.path("lastUpdated").asText(null);
                    }
                }
                entry.put("lastUpdated", kept != null ? kept : stamp);
                phones.add(entry);
            }
            node.set("phones", phones);
        }
        return this;
    }

    ProfileRecord withMiddleName(String middleName, long now) {
        if (middleName != null) {
            node.put("middleName", middleName);
        }
        node.put("profileUpdated", Instant.ofEpochMilli(now).toString());
        return this;
    }

    ProfileRecord withRequest(AccountUsers.UpdateRequest request) {
        if (request.termsAcceptances() != null) {
            node.set("termsAcceptances", request.termsAcceptances());
        }
        if (request.contactVerificationIdentifiers() != null) {
            ArrayNode ids = JSON.createArrayNode();
            request.contactVerificationIdentifiers().forEach(ids::add);
            node.set("contactVerificationIdentifiers", ids);
        }
        if (request.userIdCreateDate() != null) {
            node.put("userIdCreateDate", request.userIdCreateDate());
        }
        if (request.passwordChangeDate() != null) {
            node.put("passwordChangeDate", request.passwordChangeDate());
        }
        return this;
    }
}
