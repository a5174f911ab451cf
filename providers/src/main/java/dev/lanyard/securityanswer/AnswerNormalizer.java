package dev.lanyard.securityanswer;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How an answer is compared: NFKC (full-width and compatibility forms fold), a locale-neutral case fold (upper then
 * lower case in {@link Locale#ROOT}, so "STRASSE" and "straße" meet), the Turkish dotted and dotless i taken as
 * plain {@code i} (an "İstanbul" typed on a Turkish keyboard matches "istanbul"), trimmed, inner spaces collapsed.
 * The version is stored with each answer: a future normaliser must still check answers stored under this one.
 */
public final class AnswerNormalizer {

    public static final int VERSION = 1;

    private AnswerNormalizer() {
    }

    public static String normalize(String answer, int version) {
        if (version != VERSION) {
            throw new IllegalArgumentException("Unknown answer normaliser version " + version);
        }
        String text = Normalizer.normalize(answer, Normalizer.Form.NFKC);
        text = text.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        text = text.replace("i\u0307", "i").replace('\u0131', 'i');
        return text.strip().replaceAll("\\s+", " ");
    }
}
