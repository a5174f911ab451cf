package dev.lanyard.emailotp;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link ChallengeStore} in memory with the single-use-object contract, for the rules' unit tests. */
final class MapChallengeStore implements ChallengeStore {

    private record Entry(Map<String, String> notes, long expiresAtMillis) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    MapChallengeStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void put(String key, long lifespanSeconds, Map<String, String> notes) {
        entries.put(key, new Entry(Map.copyOf(notes), clock.millis() + lifespanSeconds * 1000));
    }

    @Override
    public Map<String, String> get(String key) {
        Entry entry = live(key);
        return entry == null ? null : entry.notes();
    }

    @Override
    public boolean contains(String key) {
        return live(key) != null;
    }

    @Override
    public boolean putIfAbsent(String key, long lifespanSeconds) {
        Entry fresh = new Entry(Map.of(), clock.millis() + lifespanSeconds * 1000);
        Entry result = entries.compute(key, (k, old) -> old == null || old.expiresAtMillis() <= clock.millis() ? fresh : old);
        return result == fresh;
    }

    int size() {
        return entries.size();
    }

    private Entry live(String key) {
        Entry entry = entries.get(key);
        return entry == null || entry.expiresAtMillis() <= clock.millis() ? null : entry;
    }
}
