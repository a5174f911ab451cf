package dev.lanyard.testing;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every secret the suite handled (codes read from mails, tokens received), so the last test can
 * search the server log and the event store for them. Lives in the test JVM only.
 */
public final class Secrets {

    private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

    private Secrets() {
    }

    public static String record(String secret) {
        if (secret != null && !secret.isBlank()) {
            SEEN.add(secret);
        }
        return secret;
    }

    public static Set<String> seen() {
        return Set.copyOf(SEEN);
    }
}
