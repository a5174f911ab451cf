package dev.lanyard.userdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Every row of seed 004's user-data tables, and the rules its text states, as code and subCode. */
class UserDataRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);
    private static final String HOME = "{\"addressLine1\": \"1234 E Foothill Blvd\", \"addressLine2\": \"Ste 000\", \"city\": \"Pasadena\","
            + " \"state\": \"CA\", \"zipCode\": \"91107\", \"type\": \"Home\", \"isDefault\": true}";

    @Test
    void theSeedsAddressTableRowByRow() {
        assertBroken(400, 505, address("\"addressLine1\": \"1\""));
        assertBroken(400, 505, address("\"addressLine1\": \"" + "A".repeat(41) + "\""));
        assertBroken(400, 506, address("\"addressLine2\": \"" + "A".repeat(41) + "\""));
        assertBroken(400, 504, address("\"city\": \"" + "A".repeat(26) + "\""));
        assertBroken(640, 505, address("\"addressLine1\": \"1234 E Foothill Blvd $\""));
        assertBroken(640, 506, address("\"addressLine2\": \"Ste <0>\""));
        assertBroken(640, 504, address("\"city\": \"Pasadena!\""));
        assertEquals(1, check(address("\"addressLine1\": \"" + "A".repeat(40) + "\"")).profile().addresses().size(), "40 is allowed");
        assertEquals("Apt #4, 2/F", check(address("\"addressLine2\": \"Apt #4, 2/F\"")).profile().addresses().get(0).addressLine2());
    }

    @Test
    void namesTheirLengthsAndCharacters() {
        assertBroken(400, 901, "{\"profileData\": {\"lastName\": \"Doe\"}}");
        assertBroken(400, 901, "{\"profileData\": {\"firstName\": \"" + "J".repeat(36) + "\", \"lastName\": \"Doe\"}}");
        assertBroken(400, 902, "{\"profileData\": {\"firstName\": \"J\", \"lastName\": \"D\"}}");
        assertBroken(400, 903, "{\"profileData\": {\"firstName\": \"J\", \"middleName\": \"" + "M".repeat(101) + "\", \"lastName\": \"Doe\"}}");
        assertBroken(640, 901, "{\"profileData\": {\"firstName\": \"J0hn\", \"lastName\": \"Doe\"}}");
        assertBroken(640, 902, "{\"profileData\": {\"firstName\": \"John\", \"lastName\": \"Doe;\"}}");
        UserData.Profile ok = check("{\"profileData\": {\"firstName\": \"Zoë\", \"middleName\": \"J.\", \"lastName\": \"O'Brien-Núñez\"}}").profile();
        assertEquals("O'Brien-Núñez", ok.lastName());
        assertEquals("Zoë", UserDataRules.checkName(json("{\"profileData\": {\"firstName\": \"Zoë\", \"lastName\": \"Doe\"}}"), TODAY).firstName());
        assertThrows(UserDataRuleException.class, () -> UserDataRules.checkName(json("{\"email\": {}}"), TODAY));
    }

    @Test
    void aHomeAddressIsTheDefaultAndKycNeedsLine1AndCityStateOrZip() {
        assertBroken(400, 908, "{\"profileData\": {\"firstName\": \"J\", \"lastName\": \"Doe\", \"addresses\": [" + HOME.replace("Home", "work") + "]}}");
        assertBroken(400, 908, "{\"profileData\": {\"firstName\": \"J\", \"lastName\": \"Doe\", \"addresses\": [" + HOME.replace("true", "false") + "]}}");
        String noCity = HOME.replace("\"city\": \"Pasadena\",", "").replace("\"zipCode\": \"91107\",", "");
        UserDataRuleException kyc = assertThrows(UserDataRuleException.class, () -> UserDataRules.check(json(
                "{\"profileData\": {\"firstName\": \"J\", \"lastName\": \"Doe\", \"addresses\": [" + noCity + "]}}"),
                UserDataRules.Mode.PRODUCTION, TODAY, true, false));
        assertEquals(List.of(ResponseDetail.KYC_ADDRESS), kyc.details());
        assertEquals("KYC requires a home address that contains addressLine1 and either (city and state) or zipCode.", kyc.details().get(0).description());
        UserData.Address zipOnly = check("{\"profileData\": {\"firstName\": \"J\", \"lastName\": \"Doe\", \"addresses\": ["
                + HOME.replace("\"city\": \"Pasadena\",", "").replace("91107", "91107-1234") + "]}}").profile().addresses().get(0);
        assertEquals("91107", zipOnly.zipCode(), "an extended zip loses its extension");
        assertEquals("USA", zipOnly.countryCode(), "countryCode defaults to USA");
        assertEquals("home", zipOnly.type(), "types are case-insensitive");
        assertBroken(400, 904, address("\"state\": \"Cal\""));
        assertBroken(400, 905, address("\"zipCode\": \"9110\""));
        assertBroken(400, 907, "{\"profileData\": {\"firstName\": \"J\", \"lastName\": \"Doe\", \"addresses\": [" + HOME + ", "
                + HOME.replace("Home", "summer").replace("true", "false") + "]}}");
    }

    @Test
    void emailsAndThePlusInProduction() {
        String plus = "{\"email\": {\"emailAddress\": \"jo+qa@example.test\"}}";
        assertBroken(400, 911, plus);
        assertEquals("jo+qa@example.test", UserDataRules.check(json(plus), UserDataRules.Mode.PARTNER_INTEGRATION, TODAY, false, false)
                .email().emailAddress(), "the partner-integration environment allows it");
        assertBroken(400, 910, "{\"email\": {\"emailAddress\": \"not-an-address\"}}");
        assertBroken(400, 910, "{\"email\": {\"emailAddress\": \"" + "a".repeat(250) + "@example.test\"}}");
    }

    @Test
    void phonesTenDigitsOneDefaultTheFirstByDefault() {
        UserDataRuleException two = assertThrows(UserDataRuleException.class, () -> check("{\"phoneNumbers\": [{\"number\": \"2125550107\","
                + " \"type\": \"mobile\", \"isDefault\": true}, {\"number\": \"2125550151\", \"type\": \"home\", \"isDefault\": true}]}"));
        assertEquals(List.of(new ResponseDetail(1040, 0, "There can only be one default phone.")), two.details());
        assertBroken(400, 912, "{\"phoneNumbers\": [{\"number\": \"+44 20 7946 0958\", \"type\": \"mobile\"}]}");
        assertBroken(400, 913, "{\"phoneNumbers\": [{\"number\": \"2125550107\", \"type\": \"pager\"}]}");
        List<UserData.Phone> phones = check("{\"phoneNumbers\": [{\"number\": \"(212) 555-0107\", \"type\": \"Mobile\"}, {\"number\": \"2125550151\","
                + " \"type\": \"work\"}]}").phones();
        assertEquals(new UserData.Phone("2125550107", "mobile", true), phones.get(0), "the first becomes the default");
        assertFalse(phones.get(1).isDefault());
    }

    @Test
    void identifyingDataSsnXorSuffixABirthDateAndNoChangeAfterKyc() {
        UserData.Identity full = check("{\"identifyingData\": {\"ssn\": \"123453675\", \"dateOfBirth\": \"1980-02-29\"}}").identity();
        assertEquals("3675", full.last4());
        assertFalse(full.toString().contains("3675"), "an identity never prints");
        assertEquals("3675", check("{\"identifyingData\": {\"ssnSuffix\": \"3675\", \"dateOfBirth\": \"1980-02-01\"}}").identity().last4());
        assertBroken(400, 917, "{\"identifyingData\": {\"ssn\": \"123453675\", \"ssnSuffix\": \"3675\", \"dateOfBirth\": \"1980-02-01\"}}");
        assertBroken(400, 917, "{\"identifyingData\": {\"dateOfBirth\": \"1980-02-01\"}}");
        assertBroken(400, 915, "{\"identifyingData\": {\"ssn\": \"12345367\", \"dateOfBirth\": \"1980-02-01\"}}");
        assertBroken(400, 916, "{\"identifyingData\": {\"ssnSuffix\": \"36a5\", \"dateOfBirth\": \"1980-02-01\"}}");
        assertBroken(400, 914, "{\"identifyingData\": {\"ssnSuffix\": \"3675\"}}");
        assertBroken(400, 914, "{\"identifyingData\": {\"ssnSuffix\": \"3675\", \"dateOfBirth\": \"1900-12-31\"}}");
        assertBroken(400, 914, "{\"identifyingData\": {\"ssnSuffix\": \"3675\", \"dateOfBirth\": \"2026-12-04\"}}");
        assertBroken(400, 914, "{\"identifyingData\": {\"ssnSuffix\": \"3675\", \"dateOfBirth\": \"1981-02-29\"}}");
        assertBroken(400, 914, "{\"identifyingData\": {\"ssnSuffix\": \"3675\", \"dateOfBirth\": \"02/01/1980\"}}");
        UserDataRuleException locked = assertThrows(UserDataRuleException.class, () -> UserDataRules.check(json(
                "{\"identifyingData\": {\"ssnSuffix\": \"3675\", \"dateOfBirth\": \"1980-02-01\"}}"), UserDataRules.Mode.PRODUCTION, TODAY, false, true));
        assertEquals(918, locked.details().get(0).subCode());
    }

    @Test
    void absentPartsStayAbsentAndEveryBrokenRuleIsReported() {
        UserData nothing = check("{}");
        assertNull(nothing.profile());
        assertNull(nothing.phones());
        UserDataRuleException many = assertThrows(UserDataRuleException.class, () -> check("{\"email\": {\"emailAddress\": \"x\"},"
                + " \"phoneNumbers\": [{\"number\": \"1\", \"type\": \"pager\"}]}"));
        assertEquals(List.of(910, 912, 913), many.details().stream().map(ResponseDetail::subCode).toList());
        assertBroken(400, 900, "{\"nickname\": \"Jo\"}");
        assertBroken(400, 900, "[1, 2]");
        assertBroken(400, 900, "{\"profileData\": {\"firstName\": 7, \"lastName\": \"Doe\"}}");
        assertTrue(many.details().stream().noneMatch(d -> d.description().contains("pager")), "descriptions never echo values");
    }

    private static String address(String override) {
        String field = override.substring(1, override.indexOf('"', 1));
        String replaced = HOME.replaceFirst("\"" + field + "\": \"[^\"]*\"", java.util.regex.Matcher.quoteReplacement(override));
        if (!replaced.contains(override)) {
            replaced = HOME.replace("}", ", " + override + "}");
        }
        return "{\"profileData\": {\"firstName\": \"John\", \"lastName\": \"Doe\", \"addresses\": [" + replaced + "]}}";
    }

    private static UserData check(String body) {
        return UserDataRules.check(json(body), UserDataRules.Mode.PRODUCTION, TODAY, false, false);
    }

    private static void assertBroken(int code, int subCode, String body) {
        UserDataRuleException broken = assertThrows(UserDataRuleException.class, () -> check(body), body);
        assertTrue(broken.details().stream().anyMatch(d -> d.code() == code && d.subCode() == subCode), code + "/" + subCode + " in " + broken.details());
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
