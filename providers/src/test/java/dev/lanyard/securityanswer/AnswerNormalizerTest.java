package dev.lanyard.securityanswer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AnswerNormalizerTest {

    private static String n(String answer) {
        return AnswerNormalizer.normalize(answer, AnswerNormalizer.VERSION);
    }

    @Test
    void caseSpacesAndCompatibilityFormsDoNotMatter() {
        assertEquals(n("Santa Fe"), n("  SANTA    fe "));
        assertEquals(n("santa fe"), n("ｓａｎｔａ\u3000ｆｅ"), "full-width letters and an ideographic space");
        assertEquals(n("Straße"), n("STRASSE"));
    }

    @Test
    void theTurkishDottedAndDotlessIMatchAPlainI() {
        assertEquals(n("istanbul"), n("İstanbul"));
        assertEquals(n("istanbul"), n("ıstanbul"));
        assertEquals(n("ISTANBUL"), n("İSTANBUL"));
    }

    @Test
    void differentAnswersStayDifferent() {
        assertNotEquals(n("Sedona"), n("Santafe"));
        assertNotEquals(n("café"), n("cafe"), "accents other than the i's dot are kept");
    }

    @Test
    void anUnknownVersionIsRefusedNotGuessed() {
        assertThrows(IllegalArgumentException.class, () -> AnswerNormalizer.normalize("x", 99));
    }
}
