package dev.lanyard.enrollment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RequiredTermsTest {

    @Test
    void readsTheSitesAttributeAndIgnoresEntriesWithoutAVersion() {
        RequiredTerms terms = RequiredTerms.parse(" demo-terms : 2026-01 , privacy:3, marketing, :4, broken: ");
        assertEquals(List.of("demo-terms:2026-01", "privacy:3"), List.copyOf(terms.references()));
        assertTrue(RequiredTerms.parse(null).references().isEmpty());
    }

    @Test
    void namesEveryRequiredTermNotAcceptedInTheSitesOrder() {
        RequiredTerms terms = RequiredTerms.parse("demo-terms:2026-01,privacy:3");
        assertEquals(List.of("demo-terms:2026-01", "privacy:3"), terms.notAccepted(List.of()));
        assertEquals(List.of("privacy:3"), terms.notAccepted(List.of(new Consent("demo-terms", "2026-01", true, 1L),
                new Consent("privacy", "3", false, 1L))), "a refused consent does not count");
        assertEquals(List.of("demo-terms:2026-01"), terms.notAccepted(List.of(new Consent("demo-terms", "2025-01", true, 1L),
                new Consent("privacy", "3", true, 1L))), "another version of the terms does not count");
        assertEquals(List.of(), terms.notAccepted(List.of(new Consent("privacy", "3", true, 1L), new Consent("demo-terms", "2026-01", true, 1L),
                new Consent("newsletter", "1", true, 1L))), "terms the site does not declare change nothing");
    }

    @Test
    void aSiteWithoutTheAttributeRequiresNothing() {
        assertEquals(Set.of(), RequiredTerms.parse("").references());
        assertEquals(List.of(), RequiredTerms.parse("").notAccepted(List.of()));
    }
}
