package dev.lanyard.emailotp;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which email domains may sign in with a code. Empty means any domain.
 * <p>
 * An entry {@code example.com} allows exactly that domain; {@code *.example.com} allows its
 * subdomains (not the domain itself). Entries are separated by commas, whitespace or Keycloak's
 * multivalued separator {@code ##}, and compared case-insensitively.
 */
public final class EmailDomainPolicy {

    public static final EmailDomainPolicy ANY = new EmailDomainPolicy(Set.of());

    private final Set<String> domains;

    private EmailDomainPolicy(Set<String> domains) {
        this.domains = domains;
    }

    public static EmailDomainPolicy parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return ANY;
        }
        Set<String> domains = Arrays.stream(raw.split("##|[,;\\s]+"))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(s -> s.startsWith("@") ? s.substring(1) : s)
                .map(s -> s.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        return domains.isEmpty() ? ANY : new EmailDomainPolicy(domains);
    }

    public boolean isUnrestricted() {
        return domains.isEmpty();
    }

    public Set<String> domains() {
        return domains;
    }

    /** Whether an address (already syntactically valid) is at an allowed domain. */
    public boolean allows(String email) {
        if (domains.isEmpty()) {
            return true;
        }
        if (email == null) {
            return false;
        }
        int at = email.lastIndexOf('@');
        if (at < 0 || at == email.length() - 1) {
            return false;
        }
        String domain = email.substring(at + 1).toLowerCase(Locale.ROOT);
        for (String allowed : domains) {
            if (allowed.startsWith("*.")) {
                if (domain.endsWith(allowed.substring(1))) {
                    return true;
                }
            } else if (domain.equals(allowed)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return domains.isEmpty() ? "any" : String.join(",", domains);
    }
}
