package dev.lanyard.duplicates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ContactKeysTest {

    @Test
    void gmailIgnoresCaseDotsAndTagsOtherDomainsOnlyCase() {
        assertEquals("johndoe@gmail.com", ContactKeys.email("John.Doe@Gmail.com"));
        assertEquals("johndoe@gmail.com", ContactKeys.email(" j.o.h.n.doe+shop@googlemail.com "));
        assertEquals("mary@outlook.com", ContactKeys.email("Mary+news@Outlook.com"));
        assertEquals("mary.major@outlook.com", ContactKeys.email("mary.major@outlook.com"), "outlook keeps dots");
        assertEquals("a.b+c@example.com", ContactKeys.email("A.B+c@Example.com"), "unknown domains keep dots and plus");
        assertNotEquals(ContactKeys.email("a.b@example.com"), ContactKeys.email("ab@example.com"));
        assertNull(ContactKeys.email("no-at-sign"));
        assertNull(ContactKeys.email("@example.com"));
        assertNull(ContactKeys.email(null));
    }

    @Test
    void phonesAsPeopleWriteThemBecomeE164() {
        assertEquals("+15550101001", ContactKeys.phone("+1 (555) 010-1001", "1"));
        assertEquals("+15550101001", ContactKeys.phone("555.010.1001", "1"));
        assertEquals("+15550101001", ContactKeys.phone("1 555 010 1001", "1"));
        assertEquals("+442079460001", ContactKeys.phone("0044 20 7946 0001", "1"));
        assertEquals("+442079460001", ContactKeys.phone("020 7946 0001", "44"), "a national 0 is dropped");
        assertEquals("+442079460001", ContactKeys.phone("+44 (0)20 7946 0001".replace("(0)", ""), "1"));
        assertEquals("+15550101001", ContactKeys.phone("555-010-1001 ext. 12", "1"), "an extension is not the number");
        assertNull(ContactKeys.phone("call me", "1"));
        assertNull(ContactKeys.phone("12+34", "1"));
        assertNull(ContactKeys.phone("123", "1"), "too short");
        assertNull(ContactKeys.phone("+1234567890123456", "1"), "too long for E.164");
    }

    @Test
    void namesFoldAccentsPunctuationAndCaseWithTheBirthDate() {
        assertEquals(ContactKeys.nameAndBirth("José", "Álvarez", "1980-02-29"), ContactKeys.nameAndBirth("jose", "ALVAREZ", "1980-02-29"));
        assertEquals(ContactKeys.nameAndBirth("Anne-Marie", "O'Neil", "1975-07-01"), ContactKeys.nameAndBirth("Annemarie", "ONeil", "1975-07-01"));
        assertNotEquals(ContactKeys.nameAndBirth("Ann", "Lee", "1990-01-01"), ContactKeys.nameAndBirth("Ann", "Lee", "1990-01-02"));
        assertNull(ContactKeys.nameAndBirth("Ann", "Lee", "01/01/1990"), "not an ISO date");
        assertNull(ContactKeys.nameAndBirth("Ann", null, "1990-01-01"));
        assertNull(ContactKeys.nameAndBirth("---", "Lee", "1990-01-01"), "no letters, no name");
    }
}
