package dev.lanyard.emailotp;

import java.util.Map;

/**
 * Where pending codes live: Keycloak's {@code SingleUseObjectProvider} on a server (shared by every
 * node of a cluster), a map in unit tests. Mirrors the subset of its contract the rules rely on.
 */
public interface ChallengeStore {

    /** Stores or overwrites an entry that expires after {@code lifespanSeconds}. */
    void put(String key, long lifespanSeconds, Map<String, String> notes);

    /** The entry's notes, or {@code null} when absent or expired. */
    Map<String, String> get(String key);

    /** Whether a live entry exists. */
    boolean contains(String key);

    /** Atomically creates an empty entry; {@code false} when one already exists. */
    boolean putIfAbsent(String key, long lifespanSeconds);
}
