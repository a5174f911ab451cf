package dev.lanyard.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** The leak scan finds a secret wherever it stands on its own, and not inside other numbers or ids. */
class SecretsTest {

    @Test
    void findsCodesAndTokensStandingOnTheirOwn() {
        assertEquals(1, Secrets.foundIn(Set.of("123456"), "sent code=123456 to user").size());
        assertEquals(1, Secrets.foundIn(Set.of("123456"), "{\"otp\":\"123456\"}").size());
        assertEquals(1, Secrets.foundIn(Set.of("123456"), "code 123456\nnext").size());
        assertEquals(1, Secrets.foundIn(Set.of("eyJhbGciOi.eyJzdWIi.c2ln"), "Bearer eyJhbGciOi.eyJzdWIi.c2ln").size());
    }

    @Test
    void ignoresDigitsInsideTimestampsAndIds() {
        assertTrue(Secrets.foundIn(Set.of("123456"), "\"time\":1795123456789").isEmpty());
        assertTrue(Secrets.foundIn(Set.of("123456"), "userId=8dd123456c-f0c6").isEmpty());
        assertTrue(Secrets.foundIn(Set.of("123456"), "nothing here").isEmpty());
    }
}
