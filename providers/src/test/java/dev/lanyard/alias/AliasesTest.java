package dev.lanyard.alias;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AliasesTest {

    @Test
    void aliasesCompareWithoutCaseAndWidth() {
        assertEquals("card.fan-7", Aliases.normalize("  Card.Fan-7 "));
        assertEquals(Aliases.normalize("cardfan"), Aliases.normalize("ＣＡＲＤＦＡＮ"), "full-width letters are the same alias (NFKC)");
        assertEquals("istanbul", Aliases.normalize("ISTANBUL"), "a locale-neutral fold: no Turkish dotless i");
    }

    @Test
    void wellFormedAliases() {
        assertEquals(Aliases.Verdict.OK, Aliases.check("card_fan.7", null));
        assertEquals(Aliases.Verdict.OK, Aliases.check("abc", null));
        assertEquals(Aliases.Verdict.OK, Aliases.check("a".repeat(64), null));
        assertEquals(Aliases.Verdict.MALFORMED, Aliases.check("ab", null), "too short");
        assertEquals(Aliases.Verdict.MALFORMED, Aliases.check("a".repeat(65), null), "too long");
        assertEquals(Aliases.Verdict.MALFORMED, Aliases.check("-abc", null), "starts with a letter or digit");
        assertEquals(Aliases.Verdict.MALFORMED, Aliases.check("a b", null));
        assertEquals(Aliases.Verdict.MALFORMED, Aliases.check("ümlaut", null), "letters a-z only, so nobody fakes another by a look-alike");
        assertEquals(Aliases.Verdict.MALFORMED, Aliases.check("", null));
    }

    @Test
    void reservedAliasesAndOtherPeoplesAddresses() {
        assertEquals(Aliases.Verdict.RESERVED, Aliases.check("Admin", null));
        assertEquals(Aliases.Verdict.RESERVED, Aliases.check("service-account-demo-site", null));
        assertEquals(Aliases.Verdict.OK, Aliases.check("Me@Example.test", "me@example.test"));
        assertEquals(Aliases.Verdict.NOT_OWN_EMAIL, Aliases.check("someone@example.test", "me@example.test"));
        assertEquals(Aliases.Verdict.NOT_OWN_EMAIL, Aliases.check("me@example.test", null));
    }
}
