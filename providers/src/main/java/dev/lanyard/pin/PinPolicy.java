package dev.lanyard.pin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A realm's PIN rules, from the config of its {@value PinRequiredActionFactory#ID} required action (Authentication →
 * Required actions → Set a PIN, gear icon). Digits only, {@code minLength}..{@code maxLength} (4-6 by default, 4-12
 * at most); "no all-same digits", "no straight runs" and a history of N are options, off by default so that the
 * seed's own examples ({@code 1234}) work. {@code maxFailures} wrong PINs lock the PIN until it is changed or reset.
 */
public record PinPolicy(int minLength, int maxLength, boolean noAllSame, boolean noStraightRuns, int history, int maxFailures) {

    public static final int SHORTEST = 4;
    public static final int LONGEST = 12;
    public static final PinPolicy DEFAULT = new PinPolicy(4, 6, false, false, 0, 5);

    static final String MIN_LENGTH = "min-length";
    static final String MAX_LENGTH = "max-length";
    static final String NO_ALL_SAME = "no-all-same";
    static final String NO_STRAIGHT_RUNS = "no-straight-runs";
    static final String HISTORY = "history";
    static final String MAX_FAILURES = "max-failures";

    /** A broken rule: the message key (EN and DE in the login theme) and the text REST answers give. */
    public enum Rule {
        DIGITS("lanyardPinDigits", "A PIN is made of digits only."),
        LENGTH("lanyardPinLength", "A PIN has %d to %d digits."),
        ALL_SAME("lanyardPinAllSame", "A PIN may not repeat one digit only."),
        STRAIGHT_RUN("lanyardPinStraightRun", "A PIN may not be a straight run such as 1234 or 9876."),
        HISTORY("lanyardPinHistory", "A PIN may not be one of the last ones used.");

        private final String messageKey;
        private final String text;

        Rule(String messageKey, String text) {
            this.messageKey = messageKey;
            this.text = text;
        }

        public String messageKey() {
            return messageKey;
        }

        public String text(PinPolicy policy) {
            return this == LENGTH ? String.format(text, policy.minLength(), policy.maxLength()) : text;
        }
    }

    /** Reads a required action's config; missing or unreadable values keep their defaults, lengths stay within 4-12. */
    public static PinPolicy of(Map<String, String> config) {
        if (config == null) {
            return DEFAULT;
        }
        int min = clamp(number(config.get(MIN_LENGTH), DEFAULT.minLength), SHORTEST, LONGEST);
        int max = clamp(number(config.get(MAX_LENGTH), DEFAULT.maxLength), min, LONGEST);
        return new PinPolicy(min, max, Boolean.parseBoolean(config.get(NO_ALL_SAME)), Boolean.parseBoolean(config.get(NO_STRAIGHT_RUNS)),
                clamp(number(config.get(HISTORY), 0), 0, 24), clamp(number(config.get(MAX_FAILURES), DEFAULT.maxFailures), 1, 100));
    }

    /** The rules {@code pin} breaks, history aside (that needs the person's old PINs); empty when it is acceptable. */
    public List<Rule> broken(String pin) {
        List<Rule> broken = new ArrayList<>();
        if (pin.isEmpty() || !pin.chars().allMatch(c -> c >= '0' && c <= '9')) {
            broken.add(Rule.DIGITS);
            return broken;
        }
        if (pin.length() < minLength || pin.length() > maxLength) {
            broken.add(Rule.LENGTH);
        }
        if (noAllSame && pin.chars().distinct().count() == 1) {
            broken.add(Rule.ALL_SAME);
        }
        if (noStraightRuns && isStraightRun(pin)) {
            broken.add(Rule.STRAIGHT_RUN);
        }
        return broken;
    }

    /** Whether {@code pin} has the shape of a PIN at all (digits, at most {@value #LONGEST}): what a validation may try. */
    public static boolean plausible(String pin) {
        return pin != null && !pin.isEmpty() && pin.length() <= LONGEST && pin.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static boolean isStraightRun(String pin) {
        int step = pin.charAt(1) - pin.charAt(0);
        if (step != 1 && step != -1) {
            return false;
        }
        for (int i = 2; i < pin.length(); i++) {
            if (pin.charAt(i) - pin.charAt(i - 1) != step) {
                return false;
            }
        }
        return true;
    }

    private static int number(String value, int fallback) {
        try {
            return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static int clamp(int value, int low, int high) {
        return Math.max(low, Math.min(high, value));
    }
}
