package dev.lanyard.alias;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of an alias, without a server: how it is compared (NFKC, lower case in a locale-neutral way, trimmed),
 * which ones are well-formed (3 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit; or the
 * person's own email address), and which are reserved.
 */
public final class Aliases {

    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 64;

    /** Why an alias is refused, or {@link #OK}. */
    public enum Verdict { OK, MALFORMED, RESERVED, NOT_OWN_EMAIL }

    private static final Pattern WELL_FORMED = Pattern.compile("[a-z0-9][a-z0-9._-]{" + (MIN_LENGTH - 1) + "," + (MAX_LENGTH - 1) + "}");
    /** Names people expect to belong to the operator, and Keycloak's own prefix for service accounts. */
    private static final Set<String> RESERVED = Set.of("admin", "administrator", "root", "system", "support", "security", "help",
            "info", "postmaster", "hostmaster", "webmaster", "abuse", "noreply", "no-reply", "null", "undefined", "anonymous", "guest");
    private static final String SERVICE_ACCOUNT_PREFIX = "service-account-";

    private Aliases() {
    }

    /** The form aliases are compared in; null for null. */
    public static String normalize(String alias) {
        return alias == null ? null : Normalizer.normalize(alias, Normalizer.Form.NFKC).trim().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code alias} may be held by a person whose email is {@code ownEmail} (may be null). */
    public static Verdict check(String alias, String ownEmail) {
        String key = normalize(alias);
        if (key == null || key.isEmpty()) {
            return Verdict.MALFORMED;
        }
        if (key.indexOf('@') >= 0) {
            return ownEmail != null && key.equals(normalize(ownEmail)) && key.length() <= MAX_LENGTH ? Verdict.OK : Verdict.NOT_OWN_EMAIL;
        }
        if (!WELL_FORMED.matcher(key).matches()) {
            return Verdict.MALFORMED;
        }
        if (RESERVED.contains(key) || key.startsWith(SERVICE_ACCOUNT_PREFIX)) {
            return Verdict.RESERVED;
        }
        return Verdict.OK;
    }
}
