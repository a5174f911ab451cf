package dev.lanyard;

/**
 * Text a caller sent, made safe to print or store: control characters dropped (CR/LF would forge log lines,
 * a NUL fails PostgreSQL's insert), and cut to a size when a column or a message has one.
 */
public final class Printable {

    private Printable() {
    }

    /** The text without its control characters; null stays null. */
    public static String of(String text) {
        if (text == null || text.chars().noneMatch(Character::isISOControl)) {
            return text;
        }
        return text.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    /** {@link #of} cut to at most {@code max} characters. */
    public static String cut(String text, int max) {
        String printable = of(text);
        return printable == null || printable.length() <= max ? printable : printable.substring(0, max);
    }
}
