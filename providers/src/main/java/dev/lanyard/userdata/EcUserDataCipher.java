package dev.lanyard.userdata;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECField;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.EllipticCurve;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opens seed 004's {@code encryptedUserData}, the field set of Apple Pay's payment-token encryption, with JCA only.
 * <ul>
 * <li>EC_v1, as Apple's EC_v1: ECDH on P-256 between the sender's ephemeral key and the recipient key; the key is the
 * NIST SP 800-56A single-step KDF with SHA-256: {@code SHA-256(00000001 || Z || 0x0D "id-aes256-GCM" || partyU ||
 * partyV)}, where Apple has partyU = "Apple" and partyV = SHA-256(merchant id) and Lanyard partyU = "Lanyard" and
 * partyV = SHA-256(program code) (both per program); AES-256-GCM with a 16-byte zero IV and no AAD, safe only because
 * each ephemeral key, hence each AES key, is used once; {@code data} is the ciphertext with its 16-byte tag.</li>
 * <li>EC_v2 (Lanyard's, not Apple's): as EC_v1, with a random 12-byte IV before the ciphertext and AAD = "EC_v2"
 * followed by the 32 bytes of the publicKeyHash, which binds the message to the recipient key.</li>
 * </ul>
 * {@code publicKeyHash} (base64 SHA-256 of the recipient's X.509 public key) picks the recipient key, so keys rotate.
 * Every failure is a {@link UserDataException} naming the problem, never a byte of the plaintext or the key.
 */
public final class EcUserDataCipher {

    public static final String EC_V1 = "EC_v1";
    public static final String EC_V2 = "EC_v2";
    /** Apple's algorithm id: the length byte 0x0D, then "id-aes256-GCM". */
    private static final byte[] ALGORITHM_ID = ("\r" + "id-aes256-GCM").getBytes(StandardCharsets.US_ASCII);
    private static final int TAG_BITS = 128;
    private static final int V2_IV_BYTES = 12;
    /** Far above any profile; bounds the work a hostile body can ask for. */
    static final int MAX_DATA_BYTES = 64 * 1024;

    /** A recipient key of the realm: the private half and the X.509 encoding of the public half (hashed by senders). */
    public record RecipientKey(PrivateKey privateKey, byte[] publicKeyX509) {
    }

    /** The KDF's party infos: partyU (the recipient's name) and partyV (SHA-256 of the program code, as Apple hashes the merchant id). */
    public record Parties(byte[] partyU, byte[] partyV) {
        public static Parties of(String partyU, String programCode) {
            return new Parties(partyU.getBytes(StandardCharsets.UTF_8), sha256(programCode.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private EcUserDataCipher() {
    }

    /**
     * The plaintext of {@code sealed}; {@code keys} finds the recipient key by the raw 32 bytes of publicKeyHash.
     *
     * @throws UserDataException for a bad version, an unknown key hash, a malformed or off-curve ephemeral key,
     *                           undecodable base64, or data that fails its GCM tag
     */
    public static byte[] open(EncryptedUserData sealed, Function<byte[], Optional<RecipientKey>> keys, Parties parties) {
        if (!EC_V1.equals(sealed.version()) && !EC_V2.equals(sealed.version())) {
            throw new UserDataException(UserDataException.Reason.UNSUPPORTED_VERSION, "version is EC_v1 or EC_v2.");
        }
        byte[] keyHash = base64(sealed.publicKeyHash(), "publicKeyHash");
        if (keyHash.length != 32) {
            throw new UserDataException(UserDataException.Reason.UNKNOWN_KEY, "publicKeyHash is the base64 SHA-256 of a key of this realm.");
        }
        RecipientKey recipient = keys.apply(keyHash).filter(k -> MessageDigest.isEqual(sha256(k.publicKeyX509()), keyHash))
                .orElseThrow(() -> new UserDataException(UserDataException.Reason.UNKNOWN_KEY, "publicKeyHash names no encryption key of this realm."));
        byte[] data = base64(sealed.data(), "data");
        if (data.length > MAX_DATA_BYTES) {
            throw new UserDataException(UserDataException.Reason.MALFORMED, "data is larger than " + MAX_DATA_BYTES + " bytes.");
        }
        ECPublicKey ephemeral = ephemeralKey(base64(sealed.ephemeralPublicKey(), "ephemeralPublicKey"), recipient.privateKey());
        byte[] key = kdf(agree(recipient.privateKey(), ephemeral), parties);
        try {
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            if (EC_V1.equals(sealed.version())) {
                aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, new byte[16]));
                return aes.doFinal(data);
            }
            if (data.length < V2_IV_BYTES + TAG_BITS / 8) {
                throw new UserDataException(UserDataException.Reason.TAMPERED, "data is too short for EC_v2.");
            }
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, Arrays.copyOf(data, V2_IV_BYTES)));
            aes.updateAAD(v2Aad(keyHash));
            return aes.doFinal(data, V2_IV_BYTES, data.length - V2_IV_BYTES);
        } catch (AEADBadTagException e) {
            throw new UserDataException(UserDataException.Reason.TAMPERED, "data does not decrypt with this key (altered, or sealed for another).");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** EC_v2's additional data: "EC_v2" and the recipient key's hash. */
    static byte[] v2Aad(byte[] keyHash) {
        ByteArrayOutputStream aad = new ByteArrayOutputStream();
        aad.writeBytes(EC_V2.getBytes(StandardCharsets.US_ASCII));
        aad.writeBytes(keyHash);
        return aad.toByteArray();
    }

    /** The single-step KDF of NIST SP 800-56A with SHA-256, one round (a 32-byte key). */
    static byte[] kdf(byte[] z, Parties parties) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(new byte[] {0, 0, 0, 1});
            sha.update(z);
            sha.update(ALGORITHM_ID);
            sha.update(parties.partyU());
            sha.update(parties.partyV());
            return sha.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        } finally {
            Arrays.fill(z, (byte) 0);
        }
    }

    private static byte[] agree(PrivateKey recipient, ECPublicKey ephemeral) {
        try {
            KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
            ecdh.init(recipient);
            ecdh.doPhase(ephemeral, true);
            return ecdh.generateSecret();
        } catch (GeneralSecurityException e) {
            throw new UserDataException(UserDataException.Reason.INVALID_KEY, "ephemeralPublicKey is not a usable P-256 key.");
        }
    }

    /** The sender's key: X.509 SubjectPublicKeyInfo on the recipient key's curve, its point on that curve. */
    private static ECPublicKey ephemeralKey(byte[] x509, PrivateKey recipient) {
        PublicKey decoded;
        try {
            decoded = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(x509));
        } catch (InvalidKeySpecException | IllegalArgumentException e) {
            throw new UserDataException(UserDataException.Reason.INVALID_KEY, "ephemeralPublicKey is not an X.509 EC public key.");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC is not available", e);
        }
        if (!(decoded instanceof ECPublicKey key) || !(recipient instanceof ECPrivateKey own)
                || !sameCurve(key.getParams(), own.getParams()) || !onCurve(key.getW(), key.getParams().getCurve())) {
            throw new UserDataException(UserDataException.Reason.INVALID_KEY, "ephemeralPublicKey is not a point of the recipient key's curve.");
        }
        return key;
    }

    private static boolean sameCurve(ECParameterSpec a, ECParameterSpec b) {
        return a.getCurve().equals(b.getCurve()) && a.getGenerator().equals(b.getGenerator()) && a.getOrder().equals(b.getOrder());
    }

    /** y² = x³ + ax + b (mod p): an invalid-curve point would leak the recipient's private key bit by bit. */
    static boolean onCurve(ECPoint point, EllipticCurve curve) {
        ECField field = curve.getField();
        if (point == ECPoint.POINT_INFINITY || !(field instanceof ECFieldFp prime)) {
            return false;
        }
        BigInteger p = prime.getP();
        BigInteger x = point.getAffineX();
        BigInteger y = point.getAffineY();
        if (x.signum() < 0 || y.signum() < 0 || x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            return false;
        }
        BigInteger right = x.pow(3).add(curve.getA().multiply(x)).add(curve.getB()).mod(p);
        return y.pow(2).mod(p).equals(right);
    }

    private static byte[] base64(String value, String field) {
        if (value == null || value.isEmpty()) {
            throw new UserDataException(UserDataException.Reason.MALFORMED, field + " is required.");
        }
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new UserDataException(UserDataException.Reason.MALFORMED, field + " is not base64.");
        }
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
