package dev.lanyard.userdata;

import java.time.LocalDate;
import java.util.List;

/**
 * The decrypted {@code data} of seed 004's encryptedUserData ("Unencrypted User Data Parameters"): profileData (names,
 * addresses), identifyingData, email and phoneNumbers side by side, each absent when not sent (then not changed).
 * Checked and normalised by {@link UserDataRules}. {@code toString} never shows an identity.
 */
public record UserData(Profile profile, Identity identity, Email email, List<Phone> phones) {

    public record Profile(String firstName, String middleName, String lastName, List<Address> addresses) {
    }

    /** {@code zipCode} is five digits (an extension is stripped); {@code countryCode} defaults to USA; {@code type} lower case. */
    public record Address(String addressLine1, String addressLine2, String city, String state, String zipCode, String countryCode,
                          String type, boolean isDefault) {
    }

    /** The full SSN or its last four digits (never both), and the date of birth. */
    public record Identity(String ssn, String ssnSuffix, LocalDate dateOfBirth) {

        public String last4() {
            return ssn != null ? ssn.substring(5) : ssnSuffix;
        }

        @Override
        public String toString() {
            return "Identity[***]";
        }
    }

    public record Email(String emailAddress) {
    }

    /** Ten digits; {@code type} mobile, home or work. */
    public record Phone(String number, String type, boolean isDefault) {
    }

    @Override
    public String toString() {
        return "UserData[profile=" + (profile != null) + ", identity=" + (identity != null) + ", email=" + (email != null)
                + ", phones=" + (phones == null ? 0 : phones.size()) + "]";
    }
}
