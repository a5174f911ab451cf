package dev.lanyard.migration.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lanyard.migration.LegacyStatus;
import org.junit.jupiter.api.Test;
import org.keycloak.util.JsonSerialization;

class SubmittedPersonTest {

    private static final String SEED_PERSON = """
            {"client": {"name": "JANUS"}, "firstName": "a", "lastName": "20190404", "personType": "SUBSCRIBER",
             "status": "ACTIVE", "preferredLanguage": "EN", "password": null, "needChangePassword": false,
             "personCredentials": [{"credentialType": "USERNAME", "credential": "a20190404"}],
             "personRoles": [{"role": {"name": "CONSUMER", "clientName": "JANUS"}}],
             "personContacts": [{"contactType": "EMAIL", "contact": "test@liftcommerce.com"}],
             "enabled": true, "username": "a20190404", "credentialsNonExpired": true, "accountNonLocked": true}
            """;

    @Test
    void seed003sExamplePersonIsRead() throws Exception {
        SubmittedPerson person = SubmittedPerson.read(json(SEED_PERSON));
        assertEquals("a20190404", person.person().username());
        assertEquals("test@liftcommerce.com", person.person().email());
        assertEquals(LegacyStatus.ACTIVE, person.person().status());
        assertEquals(java.util.List.of("CONSUMER"), person.person().roles());
        assertNull(person.credential());
    }

    @Test
    void eachProblemHasItsReasonCode() throws Exception {
        assertEquals(Outcome.INVALID_EMAIL, reason(with("personContacts", "[{\"contactType\": \"EMAIL\", \"contact\": \"nope\"}]")));
        assertEquals(Outcome.INVALID_USERNAME, reason(with("username", "\"ab\"").put("personCredentials", "x")));
        assertEquals(Outcome.INVALID_USERNAME, reason(with("username", "\"has space\"")));
        assertEquals(Outcome.INVALID_USERNAME, reason(with("username", "\"service-account-x\"")));
        assertEquals(Outcome.INVALID_USERNAME, reason(with("username", "\"nul\\u0000byte\"")));
        assertEquals(Outcome.INVALID_NAME, reason(with("firstName", "\"" + "x".repeat(256) + "\"")));
        assertEquals(Outcome.PLAIN_PASSWORD_REFUSED, reason(with("password", "\"secret-1\"")));
        assertEquals("UNSUPPORTED_ALGORITHM", reason(with("credential", "{\"type\": \"password\", \"algorithm\": \"md5\", \"hash\": \"x\"}")));
        assertEquals("INVALID_HASH", reason(with("credential", "{\"type\": \"password\", \"algorithm\": \"bcrypt\", \"hash\": \"$2a$nope\"}")));
        ObjectNode nameless = (ObjectNode) json(SEED_PERSON);
        nameless.remove("username");
        nameless.putArray("personCredentials");
        assertEquals(Outcome.INVALID_USERNAME, reason(nameless));
    }

    @Test
    void aRefusalNeverQuotesTheSubmittedPassword() {
        SubmittedPerson.Rejected rejected = assertThrows(SubmittedPerson.Rejected.class,
                () -> SubmittedPerson.read(with("password", "\"hunter2-secret\"")));
        assertFalse(rejected.outcome().message().contains("hunter2-secret"));
    }

    @Test
    void aPlainPasswordIsMaskedBeforeTheEntryIsStoredAndStillRefused() throws Exception {
        JsonNode stored = MigrationBatchStore.storable(with("password", "\"hunter2-secret\""));
        assertFalse(stored.toString().contains("hunter2-secret"));
        assertEquals(Outcome.PLAIN_PASSWORD_REFUSED, reason(stored));
        JsonNode seed = json(SEED_PERSON);
        assertEquals(seed, MigrationBatchStore.storable(seed), "seed 003's null password is stored as it is");
    }

    @Test
    void theRecordsUsernameIsTakenFromEitherPlaceAndMadePrintable() throws Exception {
        assertEquals("a20190404", SubmittedPerson.usernameOf(json(SEED_PERSON)));
        ObjectNode credentialOnly = (ObjectNode) json(SEED_PERSON);
        credentialOnly.remove("username");
        assertEquals("a20190404", SubmittedPerson.usernameOf(credentialOnly));
        assertEquals("ab", SubmittedPerson.usernameOf(json("{\"username\": \"a\\u0000b\"}")));
        assertNull(SubmittedPerson.usernameOf(json("{}")));
    }

    private static String reason(JsonNode entry) {
        return assertThrows(SubmittedPerson.Rejected.class, () -> SubmittedPerson.read(entry)).outcome().reason();
    }

    private static ObjectNode with(String field, String jsonValue) throws Exception {
        ObjectNode person = (ObjectNode) json(SEED_PERSON);
        person.set(field, json(jsonValue));
        return person;
    }

    private static JsonNode json(String text) throws Exception {
        return JsonSerialization.mapper.readTree(text);
    }
}
