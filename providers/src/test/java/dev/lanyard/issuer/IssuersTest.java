package dev.lanyard.issuer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class IssuersTest {

    @Test
    void aListOfIssuersIsTrimmedAndEachOnce() {
        assertEquals(List.of("first-bank", "second-bank"), List.copyOf(Issuers.parse(" first-bank, ,second-bank,first-bank ")));
        assertEquals(List.of(), List.copyOf(Issuers.parse(null)));
        assertEquals(List.of(), List.copyOf(Issuers.parse(",,")));
    }
}
