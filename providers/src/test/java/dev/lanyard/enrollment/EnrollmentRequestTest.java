package dev.lanyard.enrollment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lanyard.rest.ApiError;
import dev.lanyard.rest.ErrorCodes;
import dev.lanyard.rest.JsonBody;
import org.junit.jupiter.api.Test;

class EnrollmentRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final long NOW = Instant.parse("2026-12-02T12:00:00Z").toEpochMilli();

    @Test
    void readsTheSeedsFields() {
        EnrollmentRequest request = read("{\"email\":\"ava@example.test\",\"firstName\":\"Ava\",\"lastName\":\"Harper\","
                + "\"phone\":\"+1 (626) 555-0100\",\"dateOfBirth\":\"1961-07-13\",\"siteId\":\"demo-site\",\"programCode\":\"GOLD\","
                + "\"address\":{\"line1\":\"1234 E Foothill Blvd\",\"city\":\"Pasadena\",\"country\":\"US\"},"
                + "\"consents\":[{\"termsIdentifier\":\"demo-terms\",\"termsVersion\":\"2026-01\",\"accepted\":true,"
                + "\"acceptedAt\":\"2026-12-01T10:15:30Z\"},{\"termsIdentifier\":\"news\",\"termsVersion\":\"1\",\"accepted\":false,"
                + "\"acceptedAt\":1764583000000}]}");
        assertEquals(LocalDate.of(1961, 7, 13), request.dateOfBirth());
        assertEquals(Map.of("line1", "1234 E Foothill Blvd", "city", "Pasadena", "country", "US"), request.address());
        assertEquals(new Consent("demo-terms", "2026-01", true, Instant.parse("2026-12-01T10:15:30Z").toEpochMilli()),
                request.consents().get(0));
        assertFalse(request.consents().get(1).accepted());
        assertEquals(1764583000000L, request.consents().get(1).acceptedAt());
    }

    @Test
    void aConsentWithoutATimeIsAcceptedNow() {
        EnrollmentRequest request = read(minimal("\"consents\":[{\"termsIdentifier\":\"t\",\"termsVersion\":\"1\",\"accepted\":true}]"));
        assertEquals(NOW, request.consents().get(0).acceptedAt());
        assertNull(read(minimal(null)).dateOfBirth());
    }

    @Test
    void refusalsNameTheFieldNeverItsValue() {
        assertRefused(ErrorCodes.INVALID_REQUEST, "dateOfBirth", minimal("\"dateOfBirth\":\"2999-01-01\""));
        assertRefused(ErrorCodes.INVALID_REQUEST, "dateOfBirth", minimal("\"dateOfBirth\":\"13/07/1961\""));
        assertRefused(ErrorCodes.INVALID_REQUEST, "phone", minimal("\"phone\":\"call me\""));
        assertRefused(ErrorCodes.INVALID_REQUEST, "street", minimal("\"address\":{\"street\":\"x\"}"));
        assertRefused(ErrorCodes.INVALID_REQUEST, "address", minimal("\"address\":\"1234 E Foothill Blvd\""));
        assertRefused(EnrollmentRequest.INVALID_CONSENT, "accepted",
                minimal("\"consents\":[{\"termsIdentifier\":\"t\",\"termsVersion\":\"1\"}]"));
        assertRefused(EnrollmentRequest.INVALID_CONSENT, "acceptedAt",
                minimal("\"consents\":[{\"termsIdentifier\":\"t\",\"termsVersion\":\"1\",\"accepted\":true,\"acceptedAt\":\"2027-06-01T00:00:00Z\"}]"));
        assertRefused(EnrollmentRequest.INVALID_CONSENT, "termsIdentifier",
                minimal("\"consents\":[{\"termsIdentifier\":\"a b\",\"termsVersion\":\"1\",\"accepted\":true}]"));
    }

    private static void assertRefused(String code, String field, String json) {
        ApiError refused = assertThrows(ApiError.class, () -> read(json), json);
        assertEquals(400, refused.status());
        assertEquals(code, refused.code(), refused.getMessage());
        assertFalse(refused.getMessage().contains("2999") || refused.getMessage().contains("13/07") || refused.getMessage().contains("call me"),
                refused.getMessage());
        assertFalse(refused.getMessage().isEmpty());
        if (!refused.getMessage().contains(field)) {
            throw new AssertionError("the refusal should name '" + field + "': " + refused.getMessage());
        }
    }

    private static String minimal(String extra) {
        return "{\"email\":\"ava@example.test\",\"firstName\":\"Ava\",\"lastName\":\"Harper\",\"siteId\":\"demo-site\""
                + (extra == null ? "" : "," + extra) + "}";
    }

    private static EnrollmentRequest read(String json) {
        try {
            return EnrollmentRequest.read(JsonBody.of(JSON.readTree(json), EnrollmentRequest.FIELDS, "The enrollment"), TODAY, NOW);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
