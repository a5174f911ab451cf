package dev.lanyard.concierge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import dev.lanyard.concierge.History.Entry;
import org.junit.jupiter.api.Test;

class HistoryTest {

    @Test
    void aSignInRecordedTwiceIsShownOnceNewestFirst() {
        List<Entry> all = History.merge(
                List.of(new Entry(300, "CONCIERGE_CARDHOLDER_DETAILS", "agent", "Admin read"), new Entry(100, "LOGIN", "site", "Login")),
                List.of(new Entry(100, "LOGIN", "site", "Login"), new Entry(200, "LOGIN_ERROR", "site", "Login error"),
                        new Entry(100, "CODE_TO_TOKEN", "site", "Code to token")));
        assertEquals(List.of("CONCIERGE_CARDHOLDER_DETAILS", "LOGIN_ERROR", "LOGIN", "CODE_TO_TOKEN"), all.stream().map(Entry::type).toList());
    }

    @Test
    void pagesFromZeroWithTheTotal() {
        List<Entry> all = List.of(new Entry(3, "A", "x", "a"), new Entry(2, "B", "x", "b"), new Entry(1, "C", "x", "c"));
        Map<String, Object> second = History.page(all, 1, 2);
        assertEquals(3, second.get("total"));
        assertEquals(1, ((List<?>) second.get("entries")).size());
        assertEquals(0, ((List<?>) History.page(all, 5, 2).get("entries")).size(), "past the end: empty, not an error");
    }
}
