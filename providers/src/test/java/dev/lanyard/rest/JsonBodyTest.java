package dev.lanyard.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.util.Set;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.junit.jupiter.api.Test;

class JsonBodyTest {

    private static final Set<String> FIELDS = Set.of("email", "siteId");

    @Test
    void readsKnownStringFields() {
        JsonBody body = parse("{\"email\": \" a@b.test \", \"siteId\": null}");
        assertEquals("a@b.test", body.requiredString("email", 100));
        assertNull(body.optionalString("siteId", 100));
    }

    @Test
    void acceptsJsonWithCharset() {
        assertEquals("x", JsonBody.parse(headers(MediaType.valueOf("application/json; charset=utf-8")), "{\"email\":\"x\"}", FIELDS)
                .requiredString("email", 10));
    }

    @Test
    void refusesWhatIsNotAJsonObjectOfKnownFields() {
        assertRefused(415, ErrorCodes.UNSUPPORTED_MEDIA_TYPE, () -> JsonBody.parse(headers(MediaType.TEXT_PLAIN_TYPE), "{}", FIELDS));
        assertRefused(415, ErrorCodes.UNSUPPORTED_MEDIA_TYPE, () -> JsonBody.parse(headers(null), "{}", FIELDS));
        assertRefused(400, ErrorCodes.INVALID_REQUEST, () -> parse(""));
        assertRefused(400, ErrorCodes.INVALID_JSON, () -> parse("{\"email\":"));
        assertRefused(400, ErrorCodes.INVALID_REQUEST, () -> parse("[1,2]"));
        assertRefused(400, ErrorCodes.INVALID_REQUEST, () -> parse("\"text\""));
        assertRefused(400, ErrorCodes.INVALID_REQUEST, () -> parse("{\"role\": \"admin\"}"));
        assertRefused(413, ErrorCodes.PAYLOAD_TOO_LARGE, () -> parse("{\"email\": \"" + "x".repeat(JsonBody.MAX_CHARS) + "\"}"));
    }

    @Test
    void refusesFieldsOfTheWrongShape() {
        assertRefused(400, ErrorCodes.INVALID_REQUEST, () -> parse("{}").requiredString("email", 10));
        assertRefused(400, ErrorCodes.INVALID_REQUEST, () -> parse("{\"email\": 5}").requiredString("email", 10));
        assertRefused(400, ErrorCodes.INVALID_REQUEST, () -> parse("{\"email\": {\"a\":1}}").requiredString("email", 10));
        assertRefused(400, ErrorCodes.INVALID_REQUEST, () -> parse("{\"email\": \"   \"}").requiredString("email", 10));
        assertRefused(400, ErrorCodes.INVALID_REQUEST, () -> parse("{\"email\": \"12345678901\"}").requiredString("email", 10));
        assertRefused(400, ErrorCodes.INVALID_REQUEST, () -> parse("{\"email\": \"a\\u0000b\"}").requiredString("email", 10));
    }

    @Test
    void readsStringArraysAndBooleans() {
        JsonBody body = parse("{\"email\": [\" a \", \"b\"], \"siteId\": true}");
        assertEquals(java.util.List.of("a", "b"), body.optionalStringArray("email", 2, 5));
        assertEquals(Boolean.TRUE, body.optionalBoolean("siteId"));
        assertNull(parse("{}").optionalStringArray("email", 2, 5));
        assertNull(parse("{\"siteId\": null}").optionalBoolean("siteId"));
    }

    @Test
    void refusesStringArraysAndBooleansOfTheWrongShape() {
        for (String email : new String[]{"\"a\"", "[]", "[\"a\", \"b\", \"c\"]", "[1]", "[\" \"]", "[\"123456\"]", "[\"a\\u0007\"]", "[null]"}) {
            assertRefused(400, ErrorCodes.INVALID_REQUEST, () -> parse("{\"email\": " + email + "}").optionalStringArray("email", 2, 5));
        }
        assertRefused(400, ErrorCodes.INVALID_REQUEST, () -> parse("{\"siteId\": \"true\"}").optionalBoolean("siteId"));
        assertRefused(400, ErrorCodes.INVALID_REQUEST, () -> parse("{\"siteId\": 1}").optionalBoolean("siteId"));
    }

    @Test
    void messagesNeverQuoteValues() {
        ApiError error = assertThrows(ApiError.class, () -> parse("{\"email\": \"s3cret-value-that-is-long\"}").requiredString("email", 5));
        assertFalse(error.getMessage().contains("s3cret"));
    }

    @Test
    void unknownFieldNamesAreEchoedCleanedAndShortened() {
        ApiError error = assertThrows(ApiError.class, () -> parse("{\"" + "k".repeat(100) + "\\u0007\": 1}"));
        assertFalse(error.getMessage().contains("\u0007"));
        assertFalse(error.getMessage().contains("k".repeat(41)));
    }

    private static JsonBody parse(String raw) {
        return JsonBody.parse(headers(MediaType.APPLICATION_JSON_TYPE), raw, FIELDS);
    }

    /** Request headers with this content type (null: none); nothing else of them is read. */
    private static HttpHeaders headers(MediaType type) {
        return (HttpHeaders) Proxy.newProxyInstance(HttpHeaders.class.getClassLoader(), new Class<?>[]{HttpHeaders.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getMediaType")) {
                        return type;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static void assertRefused(int status, String code, Runnable action) {
        ApiError error = assertThrows(ApiError.class, action::run);
        assertEquals(status, error.status());
        assertEquals(code, error.code());
    }
}
