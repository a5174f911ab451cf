package dev.lanyard.concierge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A cardholder's history as one list, without a server: Lanyard's audit records and Keycloak's stored events, newest
 * first. A sign-in the {@code lanyard-audit} listener recorded is also a stored event of the same time and type; it
 * is shown once.
 */
final class History {

    /** One line of the history. {@code time} is epoch millis. */
    record Entry(long time, String type, String actor, String summary) {

        Map<String, Object> view() {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("time", time);
            view.put("type", type);
            view.put("actor", actor);
            view.put("summary", summary);
            return view;
        }
    }

    private History() {
    }

    /** Both sources merged, duplicates dropped, newest first (stable for equal times: audit records before events). */
    static List<Entry> merge(List<Entry> audit, List<Entry> events) {
        Set<String> seen = new HashSet<>();
        List<Entry> all = new ArrayList<>();
        for (Entry entry : audit) {
            seen.add(entry.time() + "|" + entry.type());
            all.add(entry);
        }
        for (Entry event : events) {
            if (seen.add(event.time() + "|" + event.type())) {
                all.add(event);
            }
        }
        all.sort(Comparator.comparingLong(Entry::time).reversed());
        return all;
    }

    /** The page of {@code size} entries starting at {@code page * size}, with the total, as the endpoint answers it. */
    static Map<String, Object> page(List<Entry> all, int page, int size) {
        long first = (long) page * size;
        List<Map<String, Object>> entries = new ArrayList<>();
        for (long i = first; i < all.size() && i < first + size; i++) {
            entries.add(all.get((int) i).view());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("entries", entries);
        body.put("page", page);
        body.put("size", size);
        body.put("total", all.size());
        return body;
    }
}
