package dev.lanyard.testing;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import dev.lanyard.userdata.EncryptedUserData;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.agreement.ECDHBasicAgreement;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.util.BigIntegers;

/** A partner's sender, BouncyCastle's lightweight API only: nothing shared with the recipient's JCA code. */
public final class UserDataSender {

    private static final SecureRandom RANDOM = new SecureRandom();

    private UserDataSender() {
    }

public static EncryptedUserData seal(String version, String plaintext, byte[] recipientX509, String programCode) throws Exception {
        X9ECParameters curve = ECNamedCurveTable.getByName("P-256");
        // Named (by OID), as partners' keys are: an X.509 key with explicit curve parameters is refused.
        ECDomainParameters domain = new ECNamedDomainParameters(SECObjectIdentifiers.secp256r1, curve);
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(domain, RANDOM));
        AsymmetricCipherKeyPair ephemeral = generator.generateKeyPair();
        ECPublicKeyParameters recipient = (ECPublicKeyParameters) PublicKeyFactory.createKey(recipientX509);
        ECDHBasicAgreement agreement = new ECDHBasicAgreement();
        agreement.init(ephemeral.getPrivate());
        BigInteger z = agreement.calculateAgreement(recipient);

        SHA256Digest sha = new SHA256Digest();
        byte[] keyHash = digest(sha, recipientX509);
        byte[] partyV = digest(sha, programCode.getBytes(StandardCharsets.UTF_8));
        sha.update(new byte[] {0, 0, 0, 1}, 0, 4);
        update(sha, BigIntegers.asUnsignedByteArray(32, z));
        update(sha, new byte[] {0x0D});
        update(sha, "id-aes256-GCM".getBytes(StandardCharsets.US_ASCII));
        update(sha, "Lanyard".getBytes(StandardCharsets.UTF_8));
        update(sha, partyV);
        byte[] key = new byte[32];
        sha.doFinal(key, 0);

        boolean v2 = "EC_v2".equals(version);
        byte[] iv = new byte[v2 ? 12 : 16];
        if (v2) {
            RANDOM.nextBytes(iv);
        }
        byte[] aad = v2 ? concat("EC_v2".getBytes(StandardCharsets.US_ASCII), keyHash) : null;
        GCMBlockCipher gcm = (GCMBlockCipher) GCMBlockCipher.newInstance(AESEngine.newInstance());
        gcm.init(true, new AEADParameters(new KeyParameter(key), 128, iv, aad));
        byte[] input = plaintext.getBytes(StandardCharsets.UTF_8);
        byte[] sealed = new byte[gcm.getOutputSize(input.length)];
        int n = gcm.processBytes(input, 0, input.length, sealed, 0);
        gcm.doFinal(sealed, n);
        byte[] data = v2 ? concat(iv, sealed) : sealed;
        byte[] ephemeralX509 = SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(ephemeral.getPublic()).getEncoded();
        Base64.Encoder b64 = Base64.getEncoder();
        return new EncryptedUserData(version, b64.encodeToString(ephemeralX509), b64.encodeToString(keyHash), b64.encodeToString(data));
    }

    private static byte[] digest(SHA256Digest sha, byte[] bytes) {
        sha.reset();
        update(sha, bytes);
        byte[] out = new byte[32];
        sha.doFinal(out, 0);
        return out;
    }

    private static void update(SHA256Digest sha, byte[] bytes) {
        sha.update(bytes, 0, bytes.length);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
