package dev.lanyard.siteregistration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SiteAttributesTest {

    @Test
    void readsTheDeclarationOfTheSitesClient() {
        SiteAttributes declared = SiteAttributes.parse(" loyaltyNumber:20:required , newsletter:5,bad name:3,noLength,zero:0,huge:5000,x:3:maybe");
        assertEquals(Map.of("loyaltyNumber", new SiteAttributes.Declared("loyaltyNumber", 20, true),
                "newsletter", new SiteAttributes.Declared("newsletter", 5, false)), declared.declared());
        assertTrue(SiteAttributes.parse(null).declared().isEmpty());
    }

    @Test
    void namesWhatASubmissionBreaks() {
        SiteAttributes declared = SiteAttributes.parse("loyaltyNumber:20:required,newsletter:5");
        assertTrue(declared.check(Map.of("loyaltyNumber", "L-1")).none());
        SiteAttributes.Problems problems = declared.check(Map.of("newsletter", "always", "shoeSize", "44"));
        assertEquals(List.of("shoeSize"), problems.unknown());
        assertEquals(List.of("loyaltyNumber"), problems.missing());
        assertEquals(List.of("newsletter"), problems.tooLong());
    }
}
