package dev.lanyard.pin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PinPolicyTest {

    @Test
    void theDefaultTakesTheSeedsExamplesAndOnlyDigitsOfFourToSix() {
        PinPolicy policy = PinPolicy.DEFAULT;
        for (String seedExample : List.of("1234", "2345", "026047")) {
            assertEquals(List.of(), policy.broken(seedExample), seedExample);
        }
        assertEquals(List.of(PinPolicy.Rule.LENGTH), policy.broken("123"));
        assertEquals(List.of(PinPolicy.Rule.LENGTH), policy.broken("1234567"));
        assertEquals(List.of(PinPolicy.Rule.DIGITS), policy.broken("12a4"));
        assertEquals(List.of(PinPolicy.Rule.DIGITS), policy.broken("١٢٣٤"), "Arabic-Indic digits are not ASCII digits");
        assertEquals(List.of(PinPolicy.Rule.DIGITS), policy.broken(""));
        assertEquals(List.of(), policy.broken("0000"), "all-same is off by default");
    }

    @Test
    void theOptionsRefuseAllSameDigitsAndStraightRunsBothWays() {
        PinPolicy strict = PinPolicy.of(Map.of("no-all-same", "true", "no-straight-runs", "true"));
        assertEquals(List.of(PinPolicy.Rule.ALL_SAME), strict.broken("7777"));
        assertEquals(List.of(PinPolicy.Rule.STRAIGHT_RUN), strict.broken("1234"));
        assertEquals(List.of(PinPolicy.Rule.STRAIGHT_RUN), strict.broken("9876"));
        assertEquals(List.of(), strict.broken("1235"));
        assertEquals(List.of(), strict.broken("8901"), "a run that wraps from 9 to 0 is not straight");
    }

    @Test
    void lengthsStayWithinFourToTwelveAndBadValuesKeepTheDefaults() {
        PinPolicy wide = PinPolicy.of(Map.of("min-length", "2", "max-length", "40", "max-failures", "3"));
        assertEquals(4, wide.minLength());
        assertEquals(12, wide.maxLength());
        assertEquals(3, wide.maxFailures());
        PinPolicy garbled = PinPolicy.of(Map.of("min-length", "four", "history", "-2"));
        assertEquals(PinPolicy.DEFAULT.minLength(), garbled.minLength());
        assertEquals(0, garbled.history());
        PinPolicy crossed = PinPolicy.of(Map.of("min-length", "8", "max-length", "6"));
        assertEquals(8, crossed.maxLength(), "the longest is never below the shortest");
        assertEquals("A PIN has 8 to 8 digits.", PinPolicy.Rule.LENGTH.text(crossed));
    }

    @Test
    void onlyDigitStringsUpToTwelveAreWorthChecking() {
        assertTrue(PinPolicy.plausible("123456789012"));
        assertFalse(PinPolicy.plausible("1234567890123"));
        assertFalse(PinPolicy.plausible("12 34"));
        assertFalse(PinPolicy.plausible(null));
    }
}
