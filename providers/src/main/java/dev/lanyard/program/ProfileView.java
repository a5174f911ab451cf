package dev.lanyard.program;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lanyard.userdata.Masking;
import org.keycloak.models.UserModel;

/**
 * Seed 004's "Retrieve User Profile Information" user, masked as the seed's sample: addressLine1 without its house
 * number, phones with their first and last two digits, identities as their last four only. Never a full SSN or a date
 * of birth: those are not even opened here.
 */
final class ProfileView {

    /** The sample's address timestamp ("2019/10/30 04:19:13"); the other timestamps are ISO-8601. */
    private static final DateTimeFormatter ADDRESS_TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private ProfileView() {
    }

    static Map<String, Object> of(AccountEntity account, AccountUserEntity link, UserModel user) {
        ProfileRecord record = ProfileRecord.of(link.getProfile());
        JsonNode node = record.node();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("accountIdentifier", account.getId());
        view.put("userIdentifier", link.getUserId());
        view.put("peerTransferAcceptPreference", link.getPeerTransfer());
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("firstName", user == null ? null : user.getFirstName());
        if (node.hasNonNull("middleName")) {
            profile.put("middleName", node.get("middleName").asText());
        }
        profile.put("lastName", user == null ? null : user.getLastName());
        List<Map<String, Object>> addresses = new ArrayList<>();
        for (JsonNode a : node.path("addresses")) {
            Map<String, Object> address = new LinkedHashMap<>();
            address.put("addressLine1", Masking.addressLine1(text(a, "addressLine1")));
            address.put("addressLine2", text(a, "addressLine2"));
            address.put("city", text(a, "city"));
            address.put("state", text(a, "state"));
            address.put("zipCode", text(a, "zipCode"));
            address.put("countryCode", text(a, "countryCode"));
            String type = text(a, "type");
            address.put("type", type == null ? null : type.substring(0, 1).toUpperCase(Locale.ROOT) + type.substring(1));
            address.put("isDefault", a.path("isDefault").asBoolean());
            address.put("isVerified", false);
            address.put("isReturned", false);
            address.put("lastUpdatedDateTime", a.has("lastUpdated") ? ADDRESS_TIME.format(Instant.ofEpochMilli(a.get("lastUpdated").asLong())) : null);
            addresses.add(address);
        }
        profile.put("addresses", addresses);
        profile.put("lastUpdatedDateTime", text(node, "profileUpdated"));
        view.put("profileData", profile);
        Map<String, Object> email = new LinkedHashMap<>();
        JsonNode stored = node.path("email");
        email.put("emailAddress", stored.hasNonNull("emailAddress") ? stored.get("emailAddress").asText() : user == null ? null : user.getEmail());
        email.put("isVerified", !stored.hasNonNull("emailAddress") && user != null && user.isEmailVerified());
        email.put("isDefault", true);
        email.put("lastUpdatedDateTime", text(stored, "lastUpdated"));
        view.put("email", email);
        List<Map<String, Object>> phones = new ArrayList<>();
        for (JsonNode p : node.path("phones")) {
            Map<String, Object> phone = new LinkedHashMap<>();
            phone.put("number", Masking.phone(text(p, "number")));
            phone.put("type", text(p, "type"));
            phone.put("isDefault", p.path("isDefault").asBoolean());
            phone.put("isVerified", false);
            phone.put("lastUpdatedDateTime", text(p, "lastUpdated"));
            phones.add(phone);
        }
        view.put("phoneNumbers", phones);
        List<Map<String, Object>> identities = new ArrayList<>();
        if (link.getSsnLast4() != null) {
            identities.add(Map.of("identityType", "ssn", "last4Identity", link.getSsnLast4()));
        }
        view.put("identities", identities);
        List<Map<String, Object>> terms = new ArrayList<>();
        for (JsonNode t : node.path("termsAcceptances")) {
            Map<String, Object> term = new LinkedHashMap<>();
            term.put("termsIdentifier", text(t, "termsIdentifier"));
            term.put("termsAcceptanceDateTime", text(t, "termsAcceptanceDateTime"));
            // The seed's sample answers the flag as a string ("true").
            term.put("termsAcceptanceFlag", String.valueOf(t.path("termsAcceptanceFlag").asBoolean()));
            terms.add(term);
        }
        view.put("termsAcceptances", terms);
        return view;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
