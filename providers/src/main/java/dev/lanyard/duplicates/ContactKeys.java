package dev.lanyard.duplicates;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;

import org.keycloak.models.RealmModel;

/**
 * The forms in which two people's contacts are "the same", without a server. Emails: lower case; at providers that
 * ignore them, dots and "+tags" in the local part dropped (Gmail, and its googlemail.com alias), or "+tags" only (the
 * providers listed in {@link #PLUS_TAG_DOMAINS}); anywhere else the local part is kept, since a dot or a plus may tell
 * two mailboxes apart. Phones: E.164, a national number taking the realm's default country code. Names: letters and
 * digits only, accents folded, lower case, with the date of birth as ISO date.
 */
public final class ContactKeys {

    /** The user-profile attributes of a phone number (as the person gave it) and a date of birth (ISO date). */
    public static final String PHONE = "phoneNumber";
    public static final String DATE_OF_BIRTH = "dateOfBirth";
    /** Realm attribute: the country calling code of national phone numbers (digits); {@value #FALLBACK_COUNTRY_CODE} unless set. */
    public static final String DEFAULT_COUNTRY_CODE = "lanyard.default-country-code";
    public static final String FALLBACK_COUNTRY_CODE = "1";

    private static final Set<String> GMAIL_DOMAINS = Set.of("gmail.com", "googlemail.com");
    private static final Set<String> PLUS_TAG_DOMAINS = Set.of("outlook.com", "hotmail.com", "live.com", "icloud.com", "me.com",
            "fastmail.com", "proton.me", "protonmail.com");
    private static final int MIN_E164_DIGITS = 8;
    private static final int MAX_E164_DIGITS = 15;

    private ContactKeys() {
    }

    public static String countryCode(RealmModel realm) {
        String code = realm.getAttribute(DEFAULT_COUNTRY_CODE);
        return code == null || code.isBlank() ? FALLBACK_COUNTRY_CODE : code.trim();
    }

    /** The comparison form of an email address; null for null or what is no address. */
    public static String email(String address) {
        if (address == null) {
            return null;
        }
        String value = address.trim().toLowerCase(Locale.ROOT);
        int at = value.lastIndexOf('@');
        if (at <= 0 || at == value.length() - 1) {
            return null;
        }
        String local = value.substring(0, at);
        String domain = value.substring(at + 1);
        if (GMAIL_DOMAINS.contains(domain)) {
            return untagged(local).replace(".", "") + "@gmail.com";
        }
        if (PLUS_TAG_DOMAINS.contains(domain)) {
            return untagged(local) + "@" + domain;
        }
        return local + "@" + domain;
    }

    /**
     * The E.164 form of a phone number as people write it ({@code +1 (555) 010-2000}, {@code 0044 20 7946 0000},
     * {@code 555.010.2000}); a number without an international prefix takes {@code defaultCountryCode} (digits, no plus),
     * a leading national 0 dropped. Null for null or what cannot be a phone number.
     */
    public static String phone(String number, String defaultCountryCode) {
        if (number == null) {
            return null;
        }
        String value = number.trim();
        int extension = value.toLowerCase(Locale.ROOT).indexOf("ext");
        if (extension > 0) {
            value = value.substring(0, extension);
        }
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c == '+' && digits.length() == 0 && i == value.indexOf('+')) {
                digits.append('+');
            } else if (" -.()/".indexOf(c) < 0) {
                return null; // a letter, or a plus in the middle: not a phone number as given
            }
        }
        String international;
        if (digits.length() > 0 && digits.charAt(0) == '+') {
            international = digits.substring(1);
        } else if (digits.indexOf("00") == 0) {
            international = digits.substring(2);
        } else {
            String national = digits.toString();
            String country = defaultCountryCode == null ? "" : defaultCountryCode.replaceAll("[^0-9]", "");
            if (!country.isEmpty() && national.startsWith(country) && national.length() > 10) {
                international = national; // written with its country code but no plus (1 555 010 2000)
            } else {
                international = country + (national.startsWith("0") ? national.substring(1) : national);
            }
        }
        if (international.length() < MIN_E164_DIGITS || international.length() > MAX_E164_DIGITS || international.startsWith("0")) {
            return null;
        }
        return "+" + international;
    }

    /** First and last name with the date of birth, or null when any is missing or the date is no ISO date. */
    public static String nameAndBirth(String firstName, String lastName, String dateOfBirth) {
        String first = name(firstName);
        String last = name(lastName);
        if (first == null || last == null || dateOfBirth == null) {
            return null;
        }
        try {
            return first + "|" + last + "|" + LocalDate.parse(dateOfBirth.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String name(String name) {
        if (name == null) {
            return null;
        }
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]", "");
        return folded.isEmpty() ? null : folded;
    }

    private static String untagged(String local) {
        int plus = local.indexOf('+');
        return plus > 0 ? local.substring(0, plus) : local;
    }
}
