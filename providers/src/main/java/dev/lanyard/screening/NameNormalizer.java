package dev.lanyard.screening;

import java.text.Normalizer;

/**
 * Names as the screening compares them: upper case, Latin letters without diacritics, digits, and
 * single spaces between name parts.
 * <p>
 * Apostrophes and periods join what they separate ({@code O'Neil} = {@code ONEIL}, {@code S.A.} =
 * {@code SA}), other punctuation separates ({@code AL-ZAWAHIRI} = {@code AL ZAWAHIRI}). Letters
 * without a decomposition are spelled out ({@code ß} = {@code SS}, {@code Ø} = {@code O}). What is
 * left outside A-Z and 0-9 (other scripts) is dropped: the SDN list is written in Latin letters only.
 */
public final class NameNormalizer {

    private NameNormalizer() {
    }

    /** The name's parts in the order given, normalised; a comma is punctuation like any other. */
    public static String normalize(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean pendingSpace = false;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            String letters = latin(c);
            if (letters != null) {
                if (pendingSpace && out.length() > 0) {
                    out.append(' ');
                }
                pendingSpace = false;
                out.append(letters);
            } else if (joins(c)) {
                continue;
            } else if (Character.getType(c) == Character.NON_SPACING_MARK || Character.getType(c) == Character.COMBINING_SPACING_MARK) {
                continue; // the accent of a decomposed letter
            } else {
                pendingSpace = true;
            }
        }
        return out.toString();
    }

    /**
     * A person's name in natural order: OFAC writes individuals {@code LAST, First Middle}, people
     * often type them that way too; {@code "NORIEGA, Manuel Antonio"} becomes {@code MANUEL ANTONIO NORIEGA}.
     * Without a comma the name is taken as written.
     */
    public static String personName(String name) {
        if (name == null) {
            return "";
        }
        int comma = name.indexOf(',');
        if (comma < 0) {
            return normalize(name);
        }
        String last = normalize(name.substring(0, comma));
        String given = normalize(name.substring(comma + 1));
        if (last.isEmpty() || given.isEmpty()) {
            return last.isEmpty() ? given : last;
        }
        return given + ' ' + last;
    }

    /** The upper-case Latin spelling of one character, or {@code null} if it is not a letter or digit we keep. */
    private static String latin(char c) {
        if (c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return String.valueOf(c);
        }
        if (c >= 'a' && c <= 'z') {
            return String.valueOf((char) (c - 'a' + 'A'));
        }
        switch (c) {
            case 'ß':
                return "SS";
            case 'Æ':
            case 'æ':
                return "AE";
            case 'Œ':
            case 'œ':
                return "OE";
            case 'Ø':
            case 'ø':
                return "O";
            case 'Ł':
            case 'ł':
                return "L";
            case 'Đ':
            case 'đ':
            case 'Ð':
            case 'ð':
                return "D";
            case 'Þ':
            case 'þ':
                return "TH";
            case 'Ħ':
            case 'ħ':
                return "H";
            case 'ı':
                return "I";
            default:
                return null;
        }
    }

    /** Apostrophes (straight, typographic, modifier letters) and periods join the letters around them. */
    private static boolean joins(char c) {
        return c == '\'' || c == '.' || c == '`' || c == '´' || c == '’' || c == '‘' || c == 'ʼ' || c == 'ʻ';
    }
}
