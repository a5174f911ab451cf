package dev.lanyard.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class LegacyPersonTest {

    /** Seed 003's example person object, as the legacy service returns it in responseData. */
    private static final String SEED_PERSON = """
            {"client": {"name": "JANUS"}, "firstName": "a", "lastName": "20190404", "personType": "SUBSCRIBER",
             "status": "ACTIVE", "preferredLanguage": "EN", "needChangePassword": false,
             "personCredentials": [{"credentialType": "USERNAME", "credential": "a20190404"}],
             "personRoles": [{"role": {"name": "CONSUMER", "clientName": "JANUS"}}],
             "personContacts": [{"contactType": "PHONE", "contact": "+15550100"},
                                {"contactType": "EMAIL", "contact": "test@liftcommerce.com"}],
             "enabled": true, "username": "a20190404", "password": null}""";

    @Test
    void readsTheSeedsPersonObject() throws Exception {
        LegacyPerson person = LegacyPerson.fromPersonObject(new ObjectMapper().readTree(SEED_PERSON));
        assertEquals("a20190404", person.uuid());
        assertEquals("a", person.firstName());
        assertEquals("20190404", person.lastName());
        assertEquals("test@liftcommerce.com", person.email());
        assertEquals(LegacyStatus.ACTIVE, person.status());
        assertEquals("SUBSCRIBER", person.personType());
        assertEquals("EN", person.preferredLanguage());
        assertEquals(List.of("CONSUMER"), person.roles());
    }

    @Test
    void answersToItsUsernameAndEmailInAnyCase() throws Exception {
        LegacyPerson person = LegacyPerson.fromPersonObject(new ObjectMapper().readTree(SEED_PERSON));
        assertTrue(person.answersTo("A20190404"));
        assertTrue(person.answersTo(" Test@LiftCommerce.com "));
        assertFalse(person.answersTo("someone-else"));
        assertEquals("a20190404", person.keycloakUsername());
    }

    @Test
    void theUsernameMayComeOnlyAsItsCredential() throws Exception {
        JsonNode node = new ObjectMapper().readTree("""
                {"personCredentials": [{"credentialType": "USERNAME", "credential": "Mixed.Case"}], "status": "INACTIVE"}""");
        LegacyPerson person = LegacyPerson.fromPersonObject(node);
        assertEquals("Mixed.Case", person.uuid());
        assertEquals("mixed.case", person.keycloakUsername());
        assertEquals(LegacyStatus.INACTIVE, person.status());
    }

    @Test
    void aPersonWithoutUsernameIsNotAnAnswer() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> LegacyPerson.fromPersonObject(new ObjectMapper().readTree("{\"firstName\": \"x\"}")));
    }

    @Test
    void statusesMapToWhatKeycloakEnforces() {
        assertTrue(LegacyStatus.ACTIVE.enabled());
        assertFalse(LegacyStatus.ACTIVE.mustUpdatePassword());
        assertTrue(LegacyStatus.INACTIVE.enabled());
        assertTrue(LegacyStatus.INACTIVE.mustUpdatePassword());
        assertFalse(LegacyStatus.LOCKED.enabled());
        assertEquals(LegacyStatus.LOCKED, LegacyStatus.parse("CLOSED"), "an unknown status never lets anyone in");
        assertEquals(LegacyStatus.LOCKED, LegacyStatus.parse(null));
        assertEquals(LegacyStatus.ACTIVE, LegacyStatus.parse(" active "));
    }
}
