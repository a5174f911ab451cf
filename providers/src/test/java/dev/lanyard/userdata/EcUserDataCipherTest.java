package dev.lanyard.userdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;

import dev.lanyard.testing.UserDataSender;
import org.junit.jupiter.api.Test;

/**
 * The recipient against two senders it shares no code with: known answers computed with Python's {@code cryptography}
 * package for fixed keys (program {@code demo-debit}), and a sender written with BouncyCastle's lightweight API ({@link UserDataSender})
 * (no JCA) for fresh keys.
 */
class EcUserDataCipherTest {

    private static final String RECIPIENT_PKCS8 = "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgHy49TFtqeYgBI0VniavN7w/ty6mHZUMhABEiM0RVZqqhRANCAARVeqmy22JdF1lBhWrChpaJTfBIHflmd0Z731s90qo3lueSope7kkbKcoyB2v7aERrrn4uPorWWs2wu8JeQfxhI";
    private static final String RECIPIENT_X509 = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEVXqpsttiXRdZQYVqwoaWiU3wSB35ZndGe99bPdKqN5bnkqKXu5JGynKMgdr+2hEa65+Lj6K1lrNsLvCXkH8YSA==";
    private static final String EPHEMERAL_X509 = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEJKySO3IR3dHaWNGhusYF3JBgtNpVQshDLxvULEWVMnFqgbHnHQcDjjb0EA+x17xaDl3yLLslzJjAeRwE08Wshg==";
    private static final String KEY_HASH = "tUQ5zBKDdZwv+u4sW5vaqQiO0CFhZnBN/Ez/5iHPp2I=";
    private static final String V1 = "OkMMgE0Tl6us57rVQ1iafM1C3Rx85DhjRmShBdKHRGTRvBn/EX/0q7x4nX+Q47eK6fDZokJb3CySjqTnFlClf8DN0RG9";
    private static final String V2 = "AAECAwQFBgcICQoLSCVv5wb/aU6nV7M/C0S+x8b8ritU47YtdkCAHRHkDXB5OGNWai6Qf0qSiTdJH46n6FN0vPhI4AVcgLFwR4j+tGMlb2uN";
    private static final String PLAINTEXT = "{\"profileData\":{\"firstName\":\"John\",\"lastName\":\"Doe\"}}";
    private static final EcUserDataCipher.Parties PARTIES = EcUserDataCipher.Parties.of("Lanyard", "demo-debit");

    @Test
    void knownAnswersOfBothVersionsForFixedKeys() throws Exception {
        EcUserDataCipher.RecipientKey recipient = fixedRecipient();
        assertEquals(PLAINTEXT, open(new EncryptedUserData("EC_v1", EPHEMERAL_X509, KEY_HASH, V1), recipient));
        assertEquals(PLAINTEXT, open(new EncryptedUserData("EC_v2", EPHEMERAL_X509, KEY_HASH, V2), recipient));
    }

    @Test
    void anIndependentSenderIsUnderstoodInBothVersions() throws Exception {
        EcUserDataCipher.RecipientKey recipient = freshRecipient();
        String message = "{\"email\":{\"emailAddress\":\"jo@example.test\"},\"phoneNumbers\":[{\"number\":\"2125550107\"}]}";
        assertEquals(message, open(UserDataSender.seal("EC_v1", message, recipient.publicKeyX509(), "demo-debit"), recipient));
        assertEquals(message, open(UserDataSender.seal("EC_v2", message, recipient.publicKeyX509(), "demo-debit"), recipient));
    }

    @Test
    void eachBadFormIsRefusedWithItsReason() throws Exception {
        EcUserDataCipher.RecipientKey recipient = fixedRecipient();
        assertReason(UserDataException.Reason.UNSUPPORTED_VERSION, new EncryptedUserData("EC_v3", EPHEMERAL_X509, KEY_HASH, V1), recipient);
        assertReason(UserDataException.Reason.UNSUPPORTED_VERSION, new EncryptedUserData(null, EPHEMERAL_X509, KEY_HASH, V1), recipient);
        assertReason(UserDataException.Reason.UNKNOWN_KEY, new EncryptedUserData("EC_v1", EPHEMERAL_X509,
                Base64.getEncoder().encodeToString(new byte[32]), V1), recipient);
        assertReason(UserDataException.Reason.UNKNOWN_KEY, new EncryptedUserData("EC_v1", EPHEMERAL_X509, "AAAA", V1), recipient);
        assertReason(UserDataException.Reason.MALFORMED, new EncryptedUserData("EC_v1", EPHEMERAL_X509, KEY_HASH, "not base64!"), recipient);
        byte[] tampered = Base64.getDecoder().decode(V1);
        tampered[3] ^= 1;
        assertReason(UserDataException.Reason.TAMPERED, new EncryptedUserData("EC_v1", EPHEMERAL_X509, KEY_HASH,
                Base64.getEncoder().encodeToString(tampered)), recipient);
        assertReason(UserDataException.Reason.TAMPERED, new EncryptedUserData("EC_v2", EPHEMERAL_X509, KEY_HASH, V1), recipient);
        assertReason(UserDataException.Reason.TAMPERED, new EncryptedUserData("EC_v1", EPHEMERAL_X509, KEY_HASH, V2), recipient);
        // The point (x, y + 1): off the curve, the invalid-curve attack's first step.
        byte[] offCurve = Base64.getDecoder().decode(EPHEMERAL_X509);
        offCurve[offCurve.length - 1] ^= 1;
        assertReason(UserDataException.Reason.INVALID_KEY, new EncryptedUserData("EC_v1", Base64.getEncoder().encodeToString(offCurve), KEY_HASH, V1),
                recipient);
        KeyPairGenerator p384 = KeyPairGenerator.getInstance("EC");
        p384.initialize(new ECGenParameterSpec("secp384r1"));
        assertReason(UserDataException.Reason.INVALID_KEY, new EncryptedUserData("EC_v1",
                Base64.getEncoder().encodeToString(p384.generateKeyPair().getPublic().getEncoded()), KEY_HASH, V1), recipient);
        assertReason(UserDataException.Reason.INVALID_KEY, new EncryptedUserData("EC_v1", "AAAA", KEY_HASH, V1), recipient);
    }

    @Test
    void anotherProgramsPartyInfoDoesNotOpenIt() throws Exception {
        EcUserDataCipher.RecipientKey recipient = fixedRecipient();
        UserDataException refused = assertThrows(UserDataException.class, () -> EcUserDataCipher.open(
                new EncryptedUserData("EC_v1", EPHEMERAL_X509, KEY_HASH, V1), byHash(recipient), EcUserDataCipher.Parties.of("Lanyard", "other")));
        assertEquals(UserDataException.Reason.TAMPERED, refused.reason());
    }

    private static void assertReason(UserDataException.Reason reason, EncryptedUserData sealed, EcUserDataCipher.RecipientKey recipient) {
        UserDataException refused = assertThrows(UserDataException.class, () -> EcUserDataCipher.open(sealed, byHash(recipient), PARTIES), sealed::toString);
        assertEquals(reason, refused.reason(), refused.getMessage());
    }

    private static String open(EncryptedUserData sealed, EcUserDataCipher.RecipientKey recipient) {
        return new String(EcUserDataCipher.open(sealed, byHash(recipient), PARTIES), StandardCharsets.UTF_8);
    }

    private static Function<byte[], Optional<EcUserDataCipher.RecipientKey>> byHash(EcUserDataCipher.RecipientKey recipient) {
        return hash -> MessageDigest.isEqual(hash, EcUserDataCipher.sha256(recipient.publicKeyX509())) ? Optional.of(recipient) : Optional.empty();
    }

    private static EcUserDataCipher.RecipientKey fixedRecipient() throws Exception {
        return new EcUserDataCipher.RecipientKey(KeyFactory.getInstance("EC").generatePrivate(
                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(RECIPIENT_PKCS8))), Base64.getDecoder().decode(RECIPIENT_X509));
    }

    private static EcUserDataCipher.RecipientKey freshRecipient() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        var pair = generator.generateKeyPair();
        return new EcUserDataCipher.RecipientKey(pair.getPrivate(), pair.getPublic().getEncoded());
    }
}
