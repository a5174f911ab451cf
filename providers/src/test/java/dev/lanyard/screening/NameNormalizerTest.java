package dev.lanyard.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NameNormalizerTest {

    @Test
    void upperCaseWithoutDiacritics() {
        assertEquals("JOSE MUNOZ", NameNormalizer.normalize("José Muñoz"));
        assertEquals("MULLER", NameNormalizer.normalize("Müller"));
        assertEquals("FRANCOIS CHATELAIN", NameNormalizer.normalize("François Châtelain"));
        assertEquals("ANTONIN DVORAK", NameNormalizer.normalize("Antonín Dvořák"));
    }

    @Test
    void lettersWithoutDecompositionAreSpelledOut() {
        assertEquals("STRASSE", NameNormalizer.normalize("Straße"));
        assertEquals("LUKASZ ZOLC", NameNormalizer.normalize("Łukasz Żółć"));
        assertEquals("SOREN AEBELO", NameNormalizer.normalize("Søren Æbelø"));
        assertEquals("THORA DADI", NameNormalizer.normalize("Þóra Ðaði"));
    }

    @Test
    void apostrophesAndPeriodsJoinOtherPunctuationSeparates() {
        assertEquals("ONEIL", NameNormalizer.normalize("O'Neil"));
        assertEquals("DANGELO", NameNormalizer.normalize("D’Angelo"));
        assertEquals("QAIDA", NameNormalizer.normalize("Qa`ida"));
        assertEquals("AL ZAWAHIRI", NameNormalizer.normalize("AL-ZAWAHIRI"));
        assertEquals("ANGLO CARIBBEAN CO LTD", NameNormalizer.normalize("ANGLO-CARIBBEAN CO., LTD."));
        assertEquals("J R R TOLKIEN", NameNormalizer.normalize("J. R. R. Tolkien"));
        assertEquals("SMITH JONES", NameNormalizer.normalize("  Smith /  Jones\t"));
    }

    @Test
    void fullWidthAndCompatibilityFormsAreFolded() {
        assertEquals("JOHN", NameNormalizer.normalize("ＪＯＨＮ"));
        assertEquals("FINN", NameNormalizer.normalize("ﬁnn"));
    }

    @Test
    void otherScriptsAreDropped() {
        assertEquals("PETROV", NameNormalizer.normalize("Иван Petrov"));
        assertEquals("", NameNormalizer.normalize("محمد"));
        assertEquals("", NameNormalizer.normalize(" - "));
        assertEquals("", NameNormalizer.normalize(null));
    }

    @Test
    void personNameTurnsLastCommaFirstAround() {
        assertEquals("MANUEL ANTONIO NORIEGA", NameNormalizer.personName("NORIEGA, Manuel Antonio"));
        assertEquals("MIGUEL ANGEL RODRIGUEZ OREJUELA", NameNormalizer.personName("RODRÍGUEZ OREJUELA, Miguel Ángel"));
        assertEquals("MANUEL NORIEGA", NameNormalizer.personName("Manuel Noriega"));
        assertEquals("FIRST", NameNormalizer.personName(", First"));
        assertEquals("LAST", NameNormalizer.personName("Last,"));
        assertEquals("SAAD BIN LADEN", NameNormalizer.personName("BIN LADEN, Sa'ad"));
        assertEquals("", NameNormalizer.personName(null));
    }
}
