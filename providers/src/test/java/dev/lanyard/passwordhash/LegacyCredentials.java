package dev.lanyard.passwordhash;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.security.spec.KeySpec;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.keycloak.common.crypto.CryptoIntegration;
import org.keycloak.crypto.def.DefaultCryptoProvider;
import org.keycloak.models.credential.PasswordCredentialModel;

/** Legacy credential objects as a migration sends them, and hashes made the way legacy systems make them. */
final class LegacyCredentials {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LegacyCredentials() {
    }

    /**
     * Keycloak's crypto as a server outside FIPS mode has it (its PBKDF2 runs on BouncyCastle). Set directly:
     * CryptoIntegration.init would also find the FIPS provider on the test class path, without its BC-FIPS.
     */
    static void keycloakCrypto() {
        if (!CryptoIntegration.isInitialised()) {
            CryptoIntegration.setProvider(new DefaultCryptoProvider());
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The credential object of the seed's shape; null arguments are left out. */
    static ObjectNode credential(String algorithm, String hash, String salt, Integer iterations) {
        ObjectNode node = JSON.createObjectNode().put("type", "password").put("algorithm", algorithm);
        if (hash != null) {
            node.put("hash", hash);
        }
        if (salt != null) {
            node.put("salt", salt);
        }
        if (iterations != null) {
            node.put("iterations", iterations);
        }
        return node;
    }

    static LegacyCredential accepted(JsonNode credential) {
        LegacyCredential.Result result = LegacyCredential.read(credential);
        return assertInstanceOf(LegacyCredential.Accepted.class, result, () -> "refused: " + result).credential();
    }

    static LegacyCredential.Refused refused(JsonNode credential) {
        LegacyCredential.Result result = LegacyCredential.read(credential);
        return assertInstanceOf(LegacyCredential.Refused.class, result, () -> "accepted: " + result);
    }

    /** What the migration stores for this legacy object. */
    static PasswordCredentialModel stored(JsonNode credential) {
        return accepted(credential).toPasswordCredentialModel();
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A bcrypt hash of the given version ("2a", "2b", "2y"), cost 4 to keep the tests fast. */
    static String bcrypt(String version, String password) {
        return OpenBSDBCrypt.generate(version, password.toCharArray(), utf8("sixteen byte slt"), 4);
    }

    /** PBKDF2 with the JDK's own implementation (SunJCE), not Keycloak's, as a legacy Java system would. */
    static byte[] pbkdf2(String jcaAlgorithm, String password, byte[] salt, int iterations, int keyBytes) {
        try {
            KeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, keyBytes * 8);
            return SecretKeyFactory.getInstance(jcaAlgorithm, "SunJCE").generateSecret(spec).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
