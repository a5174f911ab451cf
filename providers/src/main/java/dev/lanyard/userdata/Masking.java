package dev.lanyard.userdata;

/**
 * Seed 004's masked reads: the house number of addressLine1 and the space after it become one asterisk each
 * ({@code 1234 E Foothill Blvd} -> {@code *****E Foothill Blvd}, as the seed's sample), phone numbers keep their first
 * two and last two digits ({@code 22******07}); identities show their last four only (never here in full).
 */
public final class Masking {

    private Masking() {
    }

    public static String addressLine1(String line) {
        if (line == null) {
            return null;
        }
        int end = 0;
        while (end < line.length() && Character.isDigit(line.charAt(end))) {
            end++;
        }
        if (end == 0) {
            return line;
        }
        if (end < line.length() && line.charAt(end) == ' ') {
            end++;
        }
        return "*".repeat(end) + line.substring(end);
    }

    public static String phone(String number) {
        if (number == null) {
            return null;
        }
        if (number.length() <= 4) {
            return "*".repeat(number.length());
        }
        return number.substring(0, 2) + "*".repeat(number.length() - 4) + number.substring(number.length() - 2);
    }
}
