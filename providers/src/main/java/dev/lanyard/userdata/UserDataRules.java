package dev.lanyard.userdata;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Seed 004's field rules for the decrypted user data, each with its code and subCode ({@link ResponseDetail}). Every
 * broken rule of a body is reported, not only the first. Codes the seed gives are its own; Lanyard's 400/9xx fill the
 * rules the seed states without a code (README lists them). Plain code: no Keycloak, tested row by row.
 */
public final class UserDataRules {

    /** Production refuses a {@code +} in an email's local part; the partner-integration environment (PIE) allows it. */
    public enum Mode {
        PRODUCTION, PARTNER_INTEGRATION
    }

    static final int FIELD = 900;
    static final int FIRST_NAME = 901;
    static final int LAST_NAME = 902;
    static final int MIDDLE_NAME = 903;
    static final int STATE = 904;
    static final int ZIP = 905;
    static final int COUNTRY = 906;
    static final int ADDRESS_TYPE = 907;
    static final int HOME_ADDRESS = 908;
    static final int EMAIL = 910;
    static final int EMAIL_PLUS = 911;
    static final int PHONE_NUMBER = 912;
    static final int PHONE_TYPE = 913;
    static final int DATE_OF_BIRTH = 914;
    static final int SSN = 915;
    static final int SSN_SUFFIX = 916;
    static final int SSN_XOR_SUFFIX = 917;
    static final int IDENTITY_LOCKED = 918;
    static final int LENGTH = 400;
    static final int CHARACTERS = 640;

    private static final Set<String> TOP = Set.of("profileData", "identifyingData", "email", "phoneNumbers");
    private static final Set<String> PROFILE = Set.of("firstName", "middleName", "lastName", "addresses");
    private static final Set<String> ADDRESS = Set.of("addressLine1", "addressLine2", "city", "state", "zipCode", "countryCode", "type", "isDefault");
    private static final Set<String> IDENTITY = Set.of("ssn", "ssnSuffix", "dateOfBirth");
    private static final Set<String> EMAIL_FIELDS = Set.of("emailAddress", "isDefault");
    private static final Set<String> PHONE = Set.of("number", "type", "isDefault");
    private static final Set<String> ADDRESS_TYPES = Set.of("home", "work", "billing");
    private static final Set<String> PHONE_TYPES = Set.of("mobile", "home", "work");
    /** Names: Latin letters, accented ones included, space, apostrophe, hyphen, period. */
    private static final Pattern NAME = Pattern.compile("[\\p{IsLatin} '’.\\-]+");
    /** Addresses and cities: as names, and digits, '#', ',' and '/'. */
    private static final Pattern ADDRESS_TEXT = Pattern.compile("[\\p{IsLatin}0-9 '’.\\-#,/]+");
    private static final Pattern ZIP_CODE = Pattern.compile("(\\d{5})(-?\\d{4})?");
    private static final Pattern EMAIL_ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1901, 1, 1);

    private final Mode mode;
    private final LocalDate today;
    private final List<ResponseDetail> broken = new ArrayList<>();

    private UserDataRules(Mode mode, LocalDate today) {
        this.mode = mode;
        this.today = today;
    }

    /**
     * The checked, normalised data; {@link UserDataRuleException} with every broken rule otherwise.
     *
     * @param kycRequested  the KYC rule on the home address applies
     * @param kycCompleted  identifyingData may no longer change
     */
    public static UserData check(JsonNode data, Mode mode, LocalDate today, boolean kycRequested, boolean kycCompleted) {
        UserDataRules rules = new UserDataRules(mode, today);
        UserData checked = rules.read(data, kycRequested, kycCompleted);
        if (!rules.broken.isEmpty()) {
            throw new UserDataRuleException(rules.broken);
        }
        return checked;
    }

    /** Only the names (PUT .../users/{u}/name): profileData with firstName, middleName, lastName. */
    public static UserData.Profile checkName(JsonNode data, LocalDate today) {
        UserDataRules rules = new UserDataRules(Mode.PRODUCTION, today);
        UserData.Profile profile = null;
        if (rules.object(data, "data", Set.of("profileData"))) {
            JsonNode node = data.get("profileData");
            if (node == null || node.isNull()) {
                rules.fail(LENGTH, FIELD, "profileData with firstName and lastName is required.");
            } else if (rules.object(node, "profileData", Set.of("firstName", "middleName", "lastName"))) {
                profile = rules.names(node, null);
            }
        }
        if (!rules.broken.isEmpty()) {
            throw new UserDataRuleException(rules.broken);
        }
        return profile;
    }

    private UserData read(JsonNode data, boolean kycRequested, boolean kycCompleted) {
        if (!object(data, "data", TOP)) {
            return null;
        }
        UserData.Profile profile = null;
        JsonNode profileNode = data.get("profileData");
        if (present(profileNode) && object(profileNode, "profileData", PROFILE)) {
            profile = names(profileNode, addresses(profileNode.get("addresses"), kycRequested));
        }
        UserData.Identity identity = null;
        JsonNode identityNode = data.get("identifyingData");
        if (present(identityNode) && object(identityNode, "identifyingData", IDENTITY)) {
            if (kycCompleted) {
                fail(LENGTH, IDENTITY_LOCKED, "identifyingData cannot change once KYC is completed.");
            } else {
                identity = identity(identityNode);
            }
        }
        UserData.Email email = null;
        JsonNode emailNode = data.get("email");
        if (present(emailNode) && object(emailNode, "email", EMAIL_FIELDS)) {
            email = email(emailNode);
        }
        List<UserData.Phone> phones = null;
        JsonNode phonesNode = data.get("phoneNumbers");
        if (present(phonesNode)) {
            phones = phones(phonesNode);
        }
        return new UserData(profile, identity, email, phones);
    }

    private UserData.Profile names(JsonNode node, List<UserData.Address> addresses) {
        String first = text(node, "firstName", "profileData.firstName");
        String middle = text(node, "middleName", "profileData.middleName");
        String last = text(node, "lastName", "profileData.lastName");
        name(first, 1, 35, FIRST_NAME, "firstName", true);
        name(middle, 0, 100, MIDDLE_NAME, "middleName", false);
        name(last, 2, 35, LAST_NAME, "lastName", true);
        return new UserData.Profile(first, middle, last, addresses);
    }

    private void name(String value, int min, int max, int subCode, String field, boolean required) {
        if (value == null) {
            if (required) {
                fail(LENGTH, subCode, field + " is required.");
            }
            return;
        }
        if (value.length() < min || value.length() > max) {
            fail(LENGTH, subCode, field + " must be " + (min > 0 ? min + "-" : "at most ") + max + " characters.");
        } else if (!NAME.matcher(value).matches()) {
            fail(CHARACTERS, subCode, field + " contains invalid characters.");
        }
    }

    private List<UserData.Address> addresses(JsonNode node, boolean kycRequested) {
        if (!present(node)) {
            return null;
        }
        if (!node.isArray() || node.isEmpty()) {
            fail(LENGTH, FIELD, "profileData.addresses must be a non-empty array.");
            return null;
        }
        List<UserData.Address> addresses = new ArrayList<>();
        for (JsonNode item : node) {
            if (object(item, "an address", ADDRESS)) {
                addresses.add(address(item));
            }
        }
        UserData.Address home = addresses.stream().filter(a -> "home".equals(a.type())).findFirst().orElse(null);
        if (home == null || !home.isDefault() || addresses.stream().filter(UserData.Address::isDefault).count() > 1) {
            fail(LENGTH, HOME_ADDRESS, "A home address must be provided, and it must be the default address.");
        } else if (kycRequested && (home.addressLine1() == null || (home.city() == null || home.state() == null) && home.zipCode() == null)) {
            broken.add(ResponseDetail.KYC_ADDRESS);
        }
        return addresses;
    }

    private UserData.Address address(JsonNode node) {
        String line1 = text(node, "addressLine1", "addressLine1");
        String line2 = text(node, "addressLine2", "addressLine2");
        String city = text(node, "city", "city");
        if (line1 == null || line1.length() < 2 || line1.length() > 40) {
            fail(LENGTH, 505, "addressLine1 must be 2-40 characters.");
        } else if (!ADDRESS_TEXT.matcher(line1).matches()) {
            fail(CHARACTERS, 505, "addressLine1 contains invalid characters.");
        }
        if (line2 != null && line2.length() > 40) {
            fail(LENGTH, 506, "addressLine2 must be at most 40 characters.");
        } else if (line2 != null && !ADDRESS_TEXT.matcher(line2).matches()) {
            fail(CHARACTERS, 506, "addressLine2 contains invalid characters.");
        }
        if (city != null && city.length() > 25) {
            fail(LENGTH, 504, "city must be at most 25 characters.");
        } else if (city != null && !ADDRESS_TEXT.matcher(city).matches()) {
            fail(CHARACTERS, 504, "city contains invalid characters.");
        }
        String state = text(node, "state", "state");
        if (state != null && !state.matches("[A-Za-z]{2}")) {
            fail(LENGTH, STATE, "state must be a two-letter state code.");
        }
        String zip = text(node, "zipCode", "zipCode");
        String zip5 = null;
        if (zip != null) {
            var m = ZIP_CODE.matcher(zip);
            if (m.matches()) {
                zip5 = m.group(1); // an extended ZIP loses its extension, as the seed says
            } else {
                fail(LENGTH, ZIP, "zipCode must be 5 digits.");
            }
        }
        String country = text(node, "countryCode", "countryCode");
        if (country != null && !country.matches("[A-Za-z]{3}")) {
            fail(LENGTH, COUNTRY, "countryCode must be a three-letter country code such as USA.");
        }
        String type = text(node, "type", "type");
        String lower = type == null ? null : type.toLowerCase(Locale.ROOT);
        if (lower == null || !ADDRESS_TYPES.contains(lower)) {
            fail(LENGTH, ADDRESS_TYPE, "An address type is home, work or billing.");
        }
        return new UserData.Address(line1, line2, city, state == null ? null : state.toUpperCase(Locale.ROOT), zip5,
                country == null ? "USA" : country.toUpperCase(Locale.ROOT), lower, bool(node, "isDefault"));
    }

    private UserData.Identity identity(JsonNode node) {
        String ssn = text(node, "ssn", "identifyingData.ssn");
        String suffix = text(node, "ssnSuffix", "identifyingData.ssnSuffix");
        if ((ssn == null) == (suffix == null)) {
            fail(LENGTH, SSN_XOR_SUFFIX, "identifyingData takes ssn or ssnSuffix, not both and not neither.");
        } else if (ssn != null && !ssn.matches("\\d{9}")) {
            fail(LENGTH, SSN, "ssn must be exactly 9 digits.");
        } else if (suffix != null && !suffix.matches("\\d{4}")) {
            fail(LENGTH, SSN_SUFFIX, "ssnSuffix must be exactly 4 digits.");
        }
        String birth = text(node, "dateOfBirth", "identifyingData.dateOfBirth");
        LocalDate dateOfBirth = null;
        if (birth == null) {
            fail(LENGTH, DATE_OF_BIRTH, "dateOfBirth is required with identifyingData.");
        } else {
            try {
                dateOfBirth = LocalDate.parse(birth, ISO_DATE);
            } catch (DateTimeException e) {
                dateOfBirth = null;
            }
            if (dateOfBirth == null || dateOfBirth.isBefore(EARLIEST_BIRTH) || dateOfBirth.isAfter(today)) {
                fail(LENGTH, DATE_OF_BIRTH, "dateOfBirth must be a date from 1901 to today, as YYYY-MM-DD.");
                dateOfBirth = null;
            }
        }
        return new UserData.Identity(ssn, suffix, dateOfBirth);
    }

    private UserData.Email email(JsonNode node) {
        String address = text(node, "emailAddress", "email.emailAddress");
        if (address == null || address.length() > 255 || !EMAIL_ADDRESS.matcher(address).matches()) {
            fail(LENGTH, EMAIL, "emailAddress must be an email address of at most 255 characters.");
        } else if (mode == Mode.PRODUCTION && address.substring(0, address.indexOf('@')).contains("+")) {
            fail(LENGTH, EMAIL_PLUS, "An email address with '+' before the '@' is not allowed in production.");
        }
        return new UserData.Email(address);
    }

    private List<UserData.Phone> phones(JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            fail(LENGTH, FIELD, "phoneNumbers must be a non-empty array.");
            return null;
        }
        List<UserData.Phone> phones = new ArrayList<>();
        for (JsonNode item : node) {
            if (!object(item, "a phone number", PHONE)) {
                continue;
            }
            String number = text(item, "number", "number");
            String digits = number == null ? null : number.replaceAll("[\\s().\\-]", "");
            if (digits == null || !digits.matches("\\d{10}")) {
                fail(LENGTH, PHONE_NUMBER, "A phone number has 10 digits (international numbers are not supported).");
            }
            String type = text(item, "type", "type");
            String lower = type == null ? null : type.toLowerCase(Locale.ROOT);
            if (lower == null || !PHONE_TYPES.contains(lower)) {
                fail(LENGTH, PHONE_TYPE, "A phone type is mobile, home or work.");
            }
            phones.add(new UserData.Phone(digits, lower, bool(item, "isDefault")));
        }
        long defaults = phones.stream().filter(UserData.Phone::isDefault).count();
        if (defaults > 1) {
            broken.add(ResponseDetail.ONE_DEFAULT_PHONE);
        } else if (defaults == 0 && !phones.isEmpty()) {
            // The seed: without a default, the first number becomes it.
            UserData.Phone first = phones.get(0);
            phones.set(0, new UserData.Phone(first.number(), first.type(), true));
        }
        return phones;
    }

    private boolean object(JsonNode node, String what, Set<String> fields) {
        if (node == null || !node.isObject()) {
            fail(LENGTH, FIELD, what + " must be a JSON object.");
            return false;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                fail(LENGTH, FIELD, what + " has an unknown field.");
                return false;
            }
        }
        return true;
    }

    private String text(JsonNode node, String field, String label) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            fail(LENGTH, FIELD, label + " must be a string.");
            return null;
        }
        String text = value.textValue().trim();
        return text.isEmpty() ? null : text;
    }

    private boolean bool(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value != null && !value.isNull() && !value.isBoolean()) {
            fail(LENGTH, FIELD, field + " must be true or false.");
            return false;
        }
        return value != null && value.asBoolean(false);
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull();
    }

    private void fail(int code, int subCode, String description) {
        broken.add(new ResponseDetail(code, subCode, description));
    }
}
