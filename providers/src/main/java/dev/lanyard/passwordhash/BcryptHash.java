package dev.lanyard.passwordhash;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The modular crypt form of a bcrypt hash: {@code $2a$}, {@code $2b$} or {@code $2y$}, cost, 22 salt + 31 hash characters. */
final class BcryptHash {

    static final int MIN_COST = 4;
    static final int MAX_COST = 31;

    private static final String ALPHABET = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final Pattern FORMAT = Pattern.compile("\\$2[aby]\\$(\\d{2})\\$[./A-Za-z0-9]{53}");
    private static final int LAST_SALT_CHAR = 28;
    private static final int LAST_HASH_CHAR = 59;

    private BcryptHash() {
    }

    /**
     * The cost of a well-formed bcrypt hash, or -1. Well-formed includes the canonical last character of the salt and
     * of the hash (their unused low bits zero, as every bcrypt writes them): BouncyCastle compares the whole string it
     * re-encodes, so a non-canonical one would never verify, and is better refused at import.
     */
    static int cost(String crypt) {
        if (crypt == null) {
            return -1;
        }
        Matcher matcher = FORMAT.matcher(crypt);
        if (!matcher.matches()) {
            return -1;
        }
        int cost = Integer.parseInt(matcher.group(1));
        if (cost < MIN_COST || cost > MAX_COST) {
            return -1;
        }
        // The salt's last character carries 2 bits (low 4 zero), the hash's last carries 4 (low 2 zero).
        if (ALPHABET.indexOf(crypt.charAt(LAST_SALT_CHAR)) % 16 != 0 || ALPHABET.indexOf(crypt.charAt(LAST_HASH_CHAR)) % 4 != 0) {
            return -1;
        }
        return cost;
    }
}
