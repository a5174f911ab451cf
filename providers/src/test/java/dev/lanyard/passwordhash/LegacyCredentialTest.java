package dev.lanyard.passwordhash;

import static dev.lanyard.passwordhash.LegacyCredentials.accepted;
import static dev.lanyard.passwordhash.LegacyCredentials.base64;
import static dev.lanyard.passwordhash.LegacyCredentials.bcrypt;
import static dev.lanyard.passwordhash.LegacyCredentials.credential;
import static dev.lanyard.passwordhash.LegacyCredentials.json;
import static dev.lanyard.passwordhash.LegacyCredentials.refused;
import static dev.lanyard.passwordhash.LegacyCredentials.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.models.credential.PasswordCredentialModel;

class LegacyCredentialTest {

    private static final String BCRYPT = bcrypt("2b", "correct horse");
    private static final byte[] SALT = utf8("legacy-salt-0123");
    private static final String SALT_TEXT = base64(SALT);
    private static final String KEY_32 = base64(bytes(32, 7));
    private static final String KEY_64 = base64(bytes(64, 9));

    @Test
    void bcryptIsKeptAsItIsForLanyardsProvider() {
        for (String version : new String[] {"2a", "2b", "2y"}) {
            String hash = bcrypt(version, "correct horse");
            LegacyCredential credential = accepted(credential("bcrypt", hash, null, null));
            assertEquals(LegacyAlgorithm.BCRYPT, credential.legacyAlgorithm());
            assertEquals("lanyard-bcrypt", credential.algorithm());
            assertEquals(hash, credential.encodedValue());
            assertNull(credential.salt(), "bcrypt's salt is inside its hash");
            assertEquals(4, credential.iterations(), "the cost, for Keycloak's hashing-strength metric");
        }
        LegacyCredential withNulls = accepted(json("""
                {"type": "password", "algorithm": "bcrypt", "hash": "%s", "salt": null, "iterations": null}""".formatted(BCRYPT)));
        assertEquals(BCRYPT, withNulls.encodedValue(), "JSON null is an absent field");
    }

    @Test
    void pbkdf2GoesToKeycloaksOwnProviders() {
        LegacyCredential sha256 = accepted(credential("pbkdf2-sha256", KEY_32, SALT_TEXT, 27_500));
        assertEquals("pbkdf2-sha256", sha256.algorithm());
        assertArrayEquals(SALT, sha256.salt());
        assertEquals(27_500, sha256.iterations());
        assertEquals(KEY_32, sha256.encodedValue());

        LegacyCredential sha512 = accepted(credential("pbkdf2-sha512", KEY_64, SALT_TEXT, 210_000));
        assertEquals(LegacyAlgorithm.PBKDF2_SHA512, sha512.legacyAlgorithm());
        assertEquals("pbkdf2-sha512", sha512.algorithm());
        assertEquals(210_000, sha512.iterations());
        assertEquals(KEY_64, sha512.encodedValue());
    }

    @Test
    void base64IsStoredTheWayKeycloakWritesIt() {
        // Keycloak's PBKDF2 compares base64 text, so unpadded legacy text must be stored padded.
        String unpadded = KEY_32.replace("=", "");
        assertTrue(unpadded.length() < KEY_32.length());
        LegacyCredential credential = accepted(credential("pbkdf2-sha256", unpadded, SALT_TEXT.replace("=", ""), 1000));
        assertEquals(KEY_32, credential.encodedValue());
        assertArrayEquals(SALT, credential.salt());
    }

    @Test
    void sha256SaltedIsHashedOnce() {
        String digest = base64(bytes(32, 3));
        LegacyCredential absent = accepted(credential("sha256-salted", digest, SALT_TEXT, null));
        assertEquals("lanyard-sha256-salted", absent.algorithm());
        assertEquals(1, absent.iterations());
        assertArrayEquals(SALT, absent.salt());
        assertEquals(digest, absent.encodedValue());
        assertEquals(1, accepted(credential("sha256-salted", digest, SALT_TEXT, 1)).iterations());
    }

    @Test
    void theLimitsThemselvesAreAccepted() {
        accepted(credential("pbkdf2-sha256", KEY_32, SALT_TEXT, 1));
        accepted(credential("pbkdf2-sha512", KEY_64, SALT_TEXT, 10_000_000));
        accepted(credential("pbkdf2-sha256", base64(bytes(16, 1)), SALT_TEXT, 1000));
        accepted(credential("pbkdf2-sha512", base64(bytes(128, 1)), SALT_TEXT, 1000));
        accepted(credential("pbkdf2-sha256", KEY_32, base64(new byte[] {42}), 1000));
        accepted(credential("pbkdf2-sha256", KEY_32, base64(bytes(1024, 5)), 1000));
        accepted(credential("bcrypt", "$2a$31$" + BCRYPT.substring(7), null, null));
    }

    @Test
    void itBecomesKeycloaksPasswordCredentialAndSurvivesStorage() {
        for (JsonNode legacy : new JsonNode[] {
                credential("bcrypt", BCRYPT, null, null),
                credential("pbkdf2-sha256", KEY_32, SALT_TEXT, 27_500),
                credential("sha256-salted", base64(bytes(32, 3)), SALT_TEXT, null)}) {
            LegacyCredential credential = accepted(legacy);
            PasswordCredentialModel model = credential.toPasswordCredentialModel();
            assertEquals(PasswordCredentialModel.TYPE, model.getType());
            // What the database keeps is the two JSON strings: read them back as Keycloak does at sign-in.
            PasswordCredentialModel reloaded = PasswordCredentialModel.createFromCredentialModel(model);
            assertEquals(credential.algorithm(), reloaded.getPasswordCredentialData().getAlgorithm());
            assertEquals(credential.iterations(), reloaded.getPasswordCredentialData().getHashIterations());
            assertEquals(credential.encodedValue(), reloaded.getPasswordSecretData().getValue());
            assertArrayEquals(credential.salt(), reloaded.getPasswordSecretData().getSalt());
        }
    }

    @Test
    void itNeitherLeaksNorSharesItsSecrets() {
        LegacyCredential credential = accepted(credential("pbkdf2-sha256", KEY_32, SALT_TEXT, 27_500));
        assertFalse(credential.toString().contains(KEY_32));
        assertFalse(credential.toString().contains(SALT_TEXT));
        assertNotSame(credential.salt(), credential.salt());
        credential.salt()[0] = 0;
        assertArrayEquals(SALT, credential.salt());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusesWithItsReason(String what, JsonNode legacy, LegacyCredential.Reason reason) {
        LegacyCredential.Refused refused = refused(legacy);
        assertEquals(reason, refused.reason(), refused.message());
        assertFalse(refused.message().isBlank());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void noRefusalQuotesTheHashOrTheSalt(String what, JsonNode legacy, LegacyCredential.Reason reason) {
        String message = refused(legacy).message();
        for (String field : new String[] {"hash", "salt"}) {
            JsonNode value = legacy == null ? null : legacy.get(field);
            if (value != null && value.isTextual() && value.textValue().length() >= 8) {
                String text = value.textValue();
                assertFalse(message.contains(text), "quotes the " + field + ": " + message);
                assertFalse(message.contains(text.substring(0, 8)), "quotes part of the " + field + ": " + message);
                assertFalse(message.contains(text.substring(text.length() - 8)), "quotes part of the " + field + ": " + message);
            }
        }
    }

    @Test
    void everyReasonIsTested() {
        Set<LegacyCredential.Reason> tested = refusals().map(arguments -> (LegacyCredential.Reason) arguments.get()[2])
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(LegacyCredential.Reason.class)));
        assertEquals(EnumSet.allOf(LegacyCredential.Reason.class), tested);
    }

    @Test
    void anUnknownFieldIsNamedOnlyWhenItIsAPlainName() {
        assertTrue(refused(with(credential("pbkdf2-sha256", KEY_32, SALT_TEXT, 1000), n -> n.put("pepper", "x")))
                .message().contains("'pepper'"));
        String misplaced = refused(with(credential("pbkdf2-sha256", KEY_32, SALT_TEXT, 1000), n -> n.put(BCRYPT, "x")))
                .message();
        assertFalse(misplaced.contains(BCRYPT.substring(7, 20)), misplaced);
    }

    static Stream<Arguments> refusals() {
        ObjectNode bcrypt = credential("bcrypt", BCRYPT, null, null);
        ObjectNode pbkdf2 = credential("pbkdf2-sha256", KEY_32, SALT_TEXT, 27_500);
        ObjectNode sha512 = credential("pbkdf2-sha512", KEY_64, SALT_TEXT, 210_000);
        ObjectNode salted = credential("sha256-salted", base64(bytes(32, 3)), SALT_TEXT, null);
        String tail = BCRYPT.substring(7);
        return Stream.of(
                refusal("no object at all", null, LegacyCredential.Reason.INVALID_CREDENTIAL),
                refusal("JSON null", NullNode.getInstance(), LegacyCredential.Reason.INVALID_CREDENTIAL),
                refusal("a string", json("\"" + BCRYPT + "\""), LegacyCredential.Reason.INVALID_CREDENTIAL),
                refusal("an array", json("[]"), LegacyCredential.Reason.INVALID_CREDENTIAL),

                refusal("an unknown field", with(pbkdf2, n -> n.put("pepper", "x")), LegacyCredential.Reason.UNKNOWN_FIELD),
                refusal("a field in another case", with(pbkdf2, n -> n.set("Hash", n.remove("hash"))), LegacyCredential.Reason.UNKNOWN_FIELD),

                refusal("no type", with(pbkdf2, n -> n.remove("type")), LegacyCredential.Reason.INVALID_CREDENTIAL_TYPE),
                refusal("type otp", with(pbkdf2, n -> n.put("type", "otp")), LegacyCredential.Reason.INVALID_CREDENTIAL_TYPE),
                refusal("type PASSWORD", with(pbkdf2, n -> n.put("type", "PASSWORD")), LegacyCredential.Reason.INVALID_CREDENTIAL_TYPE),
                refusal("type a number", with(pbkdf2, n -> n.put("type", 1)), LegacyCredential.Reason.INVALID_CREDENTIAL_TYPE),

                refusal("no algorithm", with(pbkdf2, n -> n.remove("algorithm")), LegacyCredential.Reason.UNSUPPORTED_ALGORITHM),
                refusal("md5", with(pbkdf2, n -> n.put("algorithm", "md5")), LegacyCredential.Reason.UNSUPPORTED_ALGORITHM),
                refusal("argon2", with(pbkdf2, n -> n.put("algorithm", "argon2")), LegacyCredential.Reason.UNSUPPORTED_ALGORITHM),
                refusal("pbkdf2 (SHA-1)", with(pbkdf2, n -> n.put("algorithm", "pbkdf2")), LegacyCredential.Reason.UNSUPPORTED_ALGORITHM),
                refusal("BCRYPT in capitals", with(bcrypt, n -> n.put("algorithm", "BCRYPT")), LegacyCredential.Reason.UNSUPPORTED_ALGORITHM),
                refusal("Keycloak's id instead", with(bcrypt, n -> n.put("algorithm", "lanyard-bcrypt")), LegacyCredential.Reason.UNSUPPORTED_ALGORITHM),
                refusal("algorithm a number", with(pbkdf2, n -> n.put("algorithm", 256)), LegacyCredential.Reason.UNSUPPORTED_ALGORITHM),

                refusal("bcrypt without hash", with(bcrypt, n -> n.remove("hash")), LegacyCredential.Reason.INVALID_HASH),
                refusal("bcrypt $2x$", with(bcrypt, n -> n.put("hash", "$2x$" + BCRYPT.substring(4))), LegacyCredential.Reason.INVALID_HASH),
                refusal("bcrypt $2$", with(bcrypt, n -> n.put("hash", "$2$04$" + tail)), LegacyCredential.Reason.INVALID_HASH),
                refusal("bcrypt cost 03", with(bcrypt, n -> n.put("hash", "$2b$03$" + tail)), LegacyCredential.Reason.INVALID_HASH),
                refusal("bcrypt cost 32", with(bcrypt, n -> n.put("hash", "$2b$32$" + tail)), LegacyCredential.Reason.INVALID_HASH),
                refusal("bcrypt cost of one digit", with(bcrypt, n -> n.put("hash", "$2b$4$" + tail)), LegacyCredential.Reason.INVALID_HASH),
                refusal("bcrypt 52 characters", with(bcrypt, n -> n.put("hash", BCRYPT.substring(0, 59))), LegacyCredential.Reason.INVALID_HASH),
                refusal("bcrypt 54 characters", with(bcrypt, n -> n.put("hash", BCRYPT + "O")), LegacyCredential.Reason.INVALID_HASH),
                refusal("bcrypt with standard base64's +", with(bcrypt, n -> n.put("hash", BCRYPT.substring(0, 10) + "+" + BCRYPT.substring(11))), LegacyCredential.Reason.INVALID_HASH),
                refusal("bcrypt with a space before", with(bcrypt, n -> n.put("hash", " " + BCRYPT)), LegacyCredential.Reason.INVALID_HASH),
                refusal("bcrypt salt not canonical", with(bcrypt, n -> n.put("hash", BCRYPT.substring(0, 28) + "P" + BCRYPT.substring(29))), LegacyCredential.Reason.INVALID_HASH),
                refusal("bcrypt hash not canonical", with(bcrypt, n -> n.put("hash", BCRYPT.substring(0, 59) + "D")), LegacyCredential.Reason.INVALID_HASH),
                refusal("bcrypt hash a number", with(bcrypt, n -> n.put("hash", 42)), LegacyCredential.Reason.INVALID_HASH),
                refusal("bcrypt with a salt", with(bcrypt, n -> n.put("salt", SALT_TEXT)), LegacyCredential.Reason.INVALID_SALT),
                refusal("bcrypt with iterations", with(bcrypt, n -> n.put("iterations", 4)), LegacyCredential.Reason.INVALID_ITERATIONS),

                refusal("pbkdf2 without hash", with(pbkdf2, n -> n.remove("hash")), LegacyCredential.Reason.INVALID_HASH),
                refusal("pbkdf2 hash not base64", with(pbkdf2, n -> n.put("hash", "not base64 at all!")), LegacyCredential.Reason.INVALID_HASH),
                refusal("pbkdf2 hash in url-safe base64", with(pbkdf2, n -> n.put("hash", base64(allOnes(32)).replace('/', '_'))), LegacyCredential.Reason.INVALID_HASH),
                refusal("pbkdf2 hash with a line break", with(pbkdf2, n -> n.put("hash", KEY_32.substring(0, 20) + "\n" + KEY_32.substring(20))), LegacyCredential.Reason.INVALID_HASH),
                refusal("pbkdf2 hash in hex", with(pbkdf2, n -> n.put("hash", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")), LegacyCredential.Reason.INVALID_HASH),
                refusal("pbkdf2 hash in upper-case hex", with(sha512, n -> n.put("hash", "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08")), LegacyCredential.Reason.INVALID_HASH),
                refusal("pbkdf2 hash of 15 bytes", with(pbkdf2, n -> n.put("hash", base64(bytes(15, 1)))), LegacyCredential.Reason.INVALID_HASH),
                refusal("pbkdf2 hash of 129 bytes", with(sha512, n -> n.put("hash", base64(bytes(129, 1)))), LegacyCredential.Reason.INVALID_HASH),
                refusal("pbkdf2 without salt", with(pbkdf2, n -> n.remove("salt")), LegacyCredential.Reason.INVALID_SALT),
                refusal("pbkdf2 empty salt", with(pbkdf2, n -> n.put("salt", "")), LegacyCredential.Reason.INVALID_SALT),
                refusal("pbkdf2 salt not base64", with(pbkdf2, n -> n.put("salt", "salt-as-plain-text!")), LegacyCredential.Reason.INVALID_SALT),
                refusal("pbkdf2 salt of 1025 bytes", with(pbkdf2, n -> n.put("salt", base64(bytes(1025, 2)))), LegacyCredential.Reason.INVALID_SALT),
                refusal("pbkdf2 salt a number", with(pbkdf2, n -> n.put("salt", 12345678)), LegacyCredential.Reason.INVALID_SALT),
                refusal("pbkdf2 without iterations", with(pbkdf2, n -> n.remove("iterations")), LegacyCredential.Reason.INVALID_ITERATIONS),
                refusal("pbkdf2 iterations 0", with(pbkdf2, n -> n.put("iterations", 0)), LegacyCredential.Reason.INVALID_ITERATIONS),
                refusal("pbkdf2 iterations -1", with(pbkdf2, n -> n.put("iterations", -1)), LegacyCredential.Reason.INVALID_ITERATIONS),
                refusal("pbkdf2 iterations 10,000,001", with(sha512, n -> n.put("iterations", 10_000_001)), LegacyCredential.Reason.INVALID_ITERATIONS),
                refusal("pbkdf2 iterations 2^40", with(pbkdf2, n -> n.put("iterations", 1L << 40)), LegacyCredential.Reason.INVALID_ITERATIONS),
                refusal("pbkdf2 iterations as text", with(pbkdf2, n -> n.put("iterations", "27500")), LegacyCredential.Reason.INVALID_ITERATIONS),
                refusal("pbkdf2 iterations not whole", with(pbkdf2, n -> n.put("iterations", 27500.5)), LegacyCredential.Reason.INVALID_ITERATIONS),

                refusal("sha256-salted without hash", with(salted, n -> n.remove("hash")), LegacyCredential.Reason.INVALID_HASH),
                refusal("sha256-salted hash of 31 bytes", with(salted, n -> n.put("hash", base64(bytes(31, 4)))), LegacyCredential.Reason.INVALID_HASH),
                refusal("sha256-salted hash of 33 bytes", with(salted, n -> n.put("hash", base64(bytes(33, 4)))), LegacyCredential.Reason.INVALID_HASH),
                refusal("sha256-salted hash in hex", with(salted, n -> n.put("hash", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")), LegacyCredential.Reason.INVALID_HASH),
                refusal("sha256-salted without salt", with(salted, n -> n.remove("salt")), LegacyCredential.Reason.INVALID_SALT),
                refusal("sha256-salted salt not base64", with(salted, n -> n.put("salt", "salt-as-plain-text!")), LegacyCredential.Reason.INVALID_SALT),
                refusal("sha256-salted iterations 2", with(salted, n -> n.put("iterations", 2)), LegacyCredential.Reason.INVALID_ITERATIONS),
                refusal("sha256-salted iterations 0", with(salted, n -> n.put("iterations", 0)), LegacyCredential.Reason.INVALID_ITERATIONS),
                refusal("sha256-salted iterations as text", with(salted, n -> n.put("iterations", "1")), LegacyCredential.Reason.INVALID_ITERATIONS));
    }

    private static Arguments refusal(String what, JsonNode legacy, LegacyCredential.Reason reason) {
        return Arguments.of(what, legacy, reason);
    }

    private static ObjectNode with(ObjectNode base, Consumer<ObjectNode> change) {
        ObjectNode copy = base.deepCopy();
        change.accept(copy);
        return copy;
    }

    /** 0xFF bytes: "////..." in standard base64, so its url-safe form differs. */
    private static byte[] allOnes(int length) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) 0xFF);
        return bytes;
    }

    /** Bytes that differ from one seed to another; the hashes here are never verified. */
    private static byte[] bytes(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (seed * 31 + i * 17);
        }
        return bytes;
    }
}
