package dev.lanyard.audit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.keycloak.util.JsonSerialization;

/**
 * What an audit record or HTTP log may keep of a request: secrets (passwords, codes, PINs, tokens,
 * security answers, SSNs, hashes, client secrets, Authorization headers, cookies) are replaced by
 * {@value #MASK} wherever they stand, by the name of the field or header that holds them.
 */
public final class Redaction {

    public static final String MASK = "**********";

    /** A name holds a secret when one of its words is one of these ("access_token", "newPin", "X-Api-Secret"). */
    private static final Set<String> SECRET_WORDS = Set.of("password", "passwd", "pwd", "secret", "token", "otp", "totp", "pin",
            "passcode", "code", "answer", "ssn", "hash", "salt", "credential", "credentials", "cookie", "authorization",
            "assertion", "value", "apikey", "key", "otpauth", "birth", "birthdate", "dob");
    /** ...unless its last word says it is about the secret, not the secret ("token_type", "code_id", "hashIterations"). */
    private static final Set<String> DESCRIBING_WORDS = Set.of("type", "length", "id", "method", "iterations", "expires", "in",
            "count", "name");
    /** Codes of seed envelopes and addresses, which are no secrets. */
    private static final Set<String> HARMLESS_NAMES = Set.of("statuscode", "additionalstatuscode", "errorcode", "subcode",
            "countrycode", "postalcode", "zipcode", "clientcode", "programcode");
    private static final Pattern WORD_BOUNDARY = Pattern.compile("[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])");

    private Redaction() {
    }

    public static boolean isSecretName(String name) {
        if (name == null || name.isBlank() || HARMLESS_NAMES.contains(name.toLowerCase(Locale.ROOT))) {
            return false;
        }
        List<String> words = new ArrayList<>();
        for (String word : WORD_BOUNDARY.split(name.trim())) {
            if (!word.isEmpty()) {
                words.add(word.toLowerCase(Locale.ROOT));
            }
        }
        if (words.isEmpty() || DESCRIBING_WORDS.contains(words.get(words.size() - 1)) && words.size() > 1) {
            return false;
        }
        return words.stream().anyMatch(SECRET_WORDS::contains);
    }

    /** A JSON text with every secret field masked; text that is not JSON is kept only as its length. */
    public static String json(String text) {
        if (text == null || text.isBlank()) {
            return text;
        }
        try {
            JsonNode tree = JsonSerialization.mapper.readTree(text);
            return tree == null ? null : JsonSerialization.mapper.writeValueAsString(masked(tree));
        } catch (java.io.IOException notJson) {
            return "[" + text.length() + " characters, not JSON: not kept]";
        }
    }

    /** A copy of the tree with every secret field masked. */
    public static JsonNode masked(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JsonSerialization.mapper.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                boolean secret = isSecretName(field.getKey()) && !field.getValue().isNull();
                copy.set(field.getKey(), secret ? TextNode.valueOf(MASK) : masked(field.getValue()));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonSerialization.mapper.createArrayNode();
            node.forEach(item -> copy.add(masked(item)));
            return copy;
        }
        return node;
    }

    /** A header's value as a log may show it. */
    public static String header(String name, String value) {
        return isSecretName(name) ? MASK : value;
    }
}
