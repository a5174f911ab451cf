package dev.lanyard.rest;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lanyard.Printable;
import org.keycloak.util.JsonSerialization;

/**
 * A request's JSON object, read strictly: right content type, bounded size, valid JSON, an object,
 * only the fields the endpoint knows, each of the right type. Every problem is a 4xx naming the
 * field; submitted values are never echoed (they may be secrets).
 */
public final class JsonBody {

    /** Far above any seed request; stops memory abuse before parsing. */
    public static final int MAX_CHARS = 64 * 1024;

    private static final int MAX_ECHOED_FIELD_NAME = 40;

    private final JsonNode root;

    private JsonBody(JsonNode root) {
        this.root = root;
    }

    public static JsonBody parse(HttpHeaders headers, String raw, Set<String> knownFields) {
        return parse(headers, raw, knownFields, MAX_CHARS);
    }

    /** As {@link #parse(HttpHeaders, String, Set)} with the endpoint's own size limit (bulk endpoints take more). */
    public static JsonBody parse(HttpHeaders headers, String raw, Set<String> knownFields, int maxChars) {
        MediaType type;
        try {
            type = headers == null ? null : headers.getMediaType();
        } catch (RuntimeException unparsableContentType) {
            type = null;
        }
        return parse(type, raw, knownFields, maxChars);
    }

    /**
     * A JSON object parsed already (an entry of an array, an object inside the body, the claims of a signed message)
     * read with the same rules: only the fields the caller knows.
     */
    public static JsonBody of(JsonNode object, Set<String> knownFields, String what) {
        if (object == null || !object.isObject()) {
            throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, what + " must be a JSON object.");
        }
        return checked(object, knownFields);
    }

    /**
     * A JSON body of any kind (seed 003's status change posts a bare string, {@code "DISABLED"}), with the same checks
     * of type, size and syntax as {@link #parse(HttpHeaders, String, Set)}.
     */
    public static JsonNode parseValue(HttpHeaders headers, String raw) {
        MediaType type;
        try {
            type = headers == null ? null : headers.getMediaType();
        } catch (RuntimeException unparsableContentType) {
            type = null;
        }
        return readTree(type, raw, MAX_CHARS);
    }

    private static JsonBody parse(MediaType type, String raw, Set<String> knownFields, int maxChars) {
        JsonNode root = readTree(type, raw, maxChars);
        if (root == null || !root.isObject()) {
            throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "The body must be a JSON object.");
        }
        return checked(root, knownFields);
    }

    private static JsonNode readTree(MediaType type, String raw, int maxChars) {
        if (type == null || !MediaType.APPLICATION_JSON_TYPE.isCompatible(type) || type.isWildcardType() || type.isWildcardSubtype()) {
            throw new ApiError(415, ErrorCodes.UNSUPPORTED_MEDIA_TYPE, "The body must be JSON (Content-Type: application/json).");
        }
        if (raw == null || raw.isBlank()) {
            throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "A JSON object body is required.");
        }
        if (raw.length() > maxChars) {
            throw new ApiError(413, ErrorCodes.PAYLOAD_TOO_LARGE, "The body exceeds " + maxChars + " characters.");
        }
        try {
            return JsonSerialization.mapper.readTree(raw);
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest(ErrorCodes.INVALID_JSON, "The body is not valid JSON.");
        }
    }

    private static JsonBody checked(JsonNode root, Set<String> knownFields) {
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!knownFields.contains(name)) {
                throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "Unknown field '" + printable(name) + "'.");
            }
        }
        return new JsonBody(root);
    }

    /** The object as read (for a digest of the request, never for echoing it). */
    public JsonNode tree() {
        return root;
    }

    /** Whether the field is present and not JSON null. */
    public boolean has(String field) {
        JsonNode node = root.get(field);
        return node != null && !node.isNull();
    }

    /** A required, non-blank string of at most {@code maxLength} characters without control characters. */
    public String requiredString(String field, int maxLength) {
        String value = optionalString(field, maxLength);
        if (value == null) {
            throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "The field '" + field + "' is required.");
        }
        return value;
    }

    /** Like {@link #requiredString} but {@code null} when absent or JSON null. */
    public String optionalString(String field, int maxLength) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "The field '" + field + "' must be a string.");
        }
        String value = node.textValue().trim();
        if (value.isEmpty()) {
            throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "The field '" + field + "' must not be blank.");
        }
        if (value.length() > maxLength) {
            throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST,
                    "The field '" + field + "' is longer than " + maxLength + " characters.");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "The field '" + field + "' contains control characters.");
        }
        return value;
    }

    /** A required whole number (seed ids such as {@code securityQuestionId}): JSON numbers only, no text. */
    public long requiredLong(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "The field '" + field + "' is required.");
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "The field '" + field + "' must be a whole number.");
        }
        return node.longValue();
    }

    /** A required array of 1 to {@code maxItems} JSON objects (their fields are the endpoint's to check). */
    public List<JsonNode> requiredObjectArray(String field, int maxItems) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "The field '" + field + "' is required.");
        }
        checkArray(field, node, maxItems, "an array");
        List<JsonNode> items = new ArrayList<>(node.size());
        for (JsonNode item : node) {
            if (!item.isObject()) {
                throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST,
                        "Entry " + items.size() + " of '" + field + "' must be a JSON object.");
            }
            items.add(item);
        }
        return items;
    }

    /**
     * An optional array of 1 to {@code maxItems} non-blank strings of at most {@code maxLength} characters
     * without control characters, trimmed; {@code null} when absent or JSON null.
     */
    public List<String> optionalStringArray(String field, int maxItems, int maxLength) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        checkArray(field, node, maxItems, "an array of strings");
        List<String> values = new ArrayList<>(node.size());
        for (JsonNode item : node) {
            String entry = "Entry " + values.size() + " of '" + field + "'";
            if (!item.isTextual() || item.textValue().isBlank()) {
                throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, entry + " must be a non-blank string.");
            }
            if (item.textValue().chars().anyMatch(Character::isISOControl)) { // before trim(), which would drop some
                throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, entry + " contains control characters.");
            }
            String value = item.textValue().trim();
            if (value.length() > maxLength) {
                throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, entry + " is longer than " + maxLength + " characters.");
            }
            values.add(value);
        }
        return values;
    }

    /** A present field that must be an array ({@code shape} says of what) of 1 to {@code maxItems} entries. */
    private static void checkArray(String field, JsonNode node, int maxItems, String shape) {
        if (!node.isArray()) {
            throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "The field '" + field + "' must be " + shape + ".");
        }
        if (node.isEmpty()) {
            throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "The field '" + field + "' must not be empty.");
        }
        if (node.size() > maxItems) {
            throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST,
                    "The field '" + field + "' has more than " + maxItems + " entries; split it.");
        }
    }

    /** An optional JSON object (its fields are the endpoint's to check); {@code null} when absent or JSON null. */
    public JsonNode optionalObject(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "The field '" + field + "' must be a JSON object.");
        }
        return node;
    }

    /** An optional JSON boolean (not a string "true"); {@code null} when absent or JSON null. */
    public Boolean optionalBoolean(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "The field '" + field + "' must be true or false.");
        }
        return node.booleanValue();
    }

    private static String printable(String name) {
        String cleaned = Printable.of(name);
        return cleaned.length() > MAX_ECHOED_FIELD_NAME ? cleaned.substring(0, MAX_ECHOED_FIELD_NAME) + "…" : cleaned;
    }
}
