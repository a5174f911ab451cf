package dev.lanyard.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /**
     * The secrets that stand in {@code text} as a token of their own, each shown with its
     * surroundings. A 6-digit code also occurs inside timestamps and ids ("1795436308123",
     * "8dd05b1c"), which is no leak; bounded by anything but letters and digits it is.
     */
    public static List<String> foundIn(Set<String> secrets, String text) {
        List<String> hits = new ArrayList<>();
        for (String secret : secrets) {
            Matcher matcher = Pattern.compile("(?<![0-9A-Za-z])" + Pattern.quote(secret) + "(?![0-9A-Za-z])").matcher(text);
            if (matcher.find()) {
                int from = Math.max(0, matcher.start() - 60);
                int to = Math.min(text.length(), matcher.end() + 20);
                hits.add("..." + text.substring(from, to).replace('\n', ' ') + "...");
            }
        }
        return hits;
    }
}
