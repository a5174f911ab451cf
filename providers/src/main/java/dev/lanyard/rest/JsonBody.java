package dev.lanyard.rest;

import java.util.Iterator;
import java.util.Set;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
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
        MediaType type;
        try {
            type = headers == null ? null : headers.getMediaType();
        } catch (RuntimeException unparsableContentType) {
            type = null;
        }
        return parse(type, raw, knownFields);
    }

    public static JsonBody parse(MediaType type, String raw, Set<String> knownFields) {
        if (type == null || !MediaType.APPLICATION_JSON_TYPE.isCompatible(type) || type.isWildcardType() || type.isWildcardSubtype()) {
            throw new ApiError(415, ErrorCodes.UNSUPPORTED_MEDIA_TYPE, "The body must be JSON (Content-Type: application/json).");
        }
        if (raw == null || raw.isBlank()) {
            throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "A JSON object body is required.");
        }
        if (raw.length() > MAX_CHARS) {
            throw new ApiError(413, ErrorCodes.PAYLOAD_TOO_LARGE, "The body exceeds " + MAX_CHARS + " characters.");
        }
        JsonNode root;
        try {
            root = JsonSerialization.mapper.readTree(raw);
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest(ErrorCodes.INVALID_JSON, "The body is not valid JSON.");
        }
        if (root == null || !root.isObject()) {
            throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "The body must be a JSON object.");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!knownFields.contains(name)) {
                throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "Unknown field '" + printable(name) + "'.");
            }
        }
        return new JsonBody(root);
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

    private static String printable(String name) {
        String cleaned = name.codePoints()
                .filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return cleaned.length() > MAX_ECHOED_FIELD_NAME ? cleaned.substring(0, MAX_ECHOED_FIELD_NAME) + "…" : cleaned;
    }
}
