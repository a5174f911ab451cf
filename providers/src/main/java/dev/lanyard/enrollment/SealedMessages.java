package dev.lanyard.enrollment;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lanyard.rest.ApiError;
import org.keycloak.common.VerificationException;
import org.keycloak.common.util.Time;
import org.keycloak.crypto.CekManagementProvider;
import org.keycloak.crypto.ClientSignatureVerifierProvider;
import org.keycloak.crypto.ContentEncryptionProvider;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.jose.jwe.JWEException;
import org.keycloak.jose.jwk.JWK;
import org.keycloak.jose.jws.JWSInput;
import org.keycloak.jose.jws.JWSInputException;
import org.keycloak.keys.loader.PublicKeyStorageManager;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.util.JsonSerialization;
import org.keycloak.util.TokenUtil;

/**
 * Message-level encryption of the external enrollment, with Keycloak's JOSE: the request is a compact JWE to one of
 * the realm's {@code use=enc} keys (chosen by {@code kid}), whose plaintext is a JWS signed with a key of the calling
 * partner's client (its JWKS URL or stored JWKS, as Keycloak's client authentication keeps them), carrying
 * {@code jti}, {@code iat}, {@code exp}; the answer is a JWE to the partner's {@code use=enc} key. Refusals name what
 * failed, never the plaintext.
 */
final class SealedMessages {

    static final String NOT_A_JWE = "JWE_REQUIRED";
    static final String UNSUPPORTED_ALGORITHM = "UNSUPPORTED_JWE_ALGORITHM";
    static final String UNKNOWN_KEY = "UNKNOWN_ENCRYPTION_KEY";
    static final String UNDECRYPTABLE = "UNDECRYPTABLE_MESSAGE";
    static final String NOT_SIGNED = "SIGNATURE_REQUIRED";
    static final String INVALID_SIGNATURE = "INVALID_SIGNATURE";
    static final String INVALID_CLAIMS = "INVALID_MESSAGE_CLAIMS";
    static final String EXPIRED = "MESSAGE_EXPIRED";
    static final String NOT_CURRENT = "MESSAGE_NOT_CURRENT";
    static final String REPLAYED = "MESSAGE_REPLAYED";
    static final String NO_PARTNER_KEY = "PARTNER_ENCRYPTION_KEY_MISSING";
    /** Key management the realm decrypts: RSA-OAEP (SHA-1 or SHA-256) and ECDH-ES; never RSA1_5, a shared key or none. */
    static final Set<String> KEY_ALGORITHMS = Set.of("RSA-OAEP", "RSA-OAEP-256", "ECDH-ES", "ECDH-ES+A128KW", "ECDH-ES+A192KW",
            "ECDH-ES+A256KW");
    static final Set<String> CONTENT_ALGORITHMS = Set.of("A128GCM", "A192GCM", "A256GCM", "A128CBC-HS256", "A192CBC-HS384", "A256CBC-HS512");
    /** "iat more than 5 minutes away" is refused, in either direction. */
    static final int MAX_CLOCK_SKEW_SECONDS = 300;
    static final int MAX_LIFETIME_SECONDS = 900;
    static final Set<String> MESSAGE_CLAIMS = Set.of("jti", "iat", "exp", "iss", "aud");

    /** What an opened message says, and the algorithms the answer is sealed with. */
    record Opened(ObjectNode claims, String keyAlgorithm, String contentAlgorithm) {
    }

    private final KeycloakSession session;
    private final RealmModel realm;

    SealedMessages(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** Decrypts, verifies the partner's signature and the message's time and uniqueness; the claims. */
    Opened open(ClientModel partner, String compact) {
        JsonNode header = jweHeader(compact);
        String alg = header.path("alg").asText("");
        String enc = header.path("enc").asText("");
        if (!KEY_ALGORITHMS.contains(alg) || !CONTENT_ALGORITHMS.contains(enc)) {
            throw ApiError.badRequest(UNSUPPORTED_ALGORITHM, "The JWE's alg must be one of " + String.join(", ", KEY_ALGORITHMS.stream().sorted().toList())
                    + " and its enc one of " + String.join(", ", CONTENT_ALGORITHMS.stream().sorted().toList()) + ".");
        }
        String kid = header.path("kid").asText(null);
        KeyWrapper key = kid == null ? null : session.keys().getKey(realm, kid, KeyUse.ENC, alg);
        if (key == null || key.getPrivateKey() == null) {
            throw ApiError.badRequest(UNKNOWN_KEY, "The JWE's kid names no encryption key of this realm for " + alg
                    + " (see the realm's JWKS, keys with use=enc).");
        }
        byte[] plaintext;
        try {
            plaintext = TokenUtil.jweKeyEncryptionVerifyAndDecode(key.getPrivateKey(), compact,
                    session.getProvider(CekManagementProvider.class, alg).jweAlgorithmProvider(),
                    session.getProvider(ContentEncryptionProvider.class, enc).jweEncryptionProvider());
        } catch (JWEException | RuntimeException undecryptable) {
            throw ApiError.badRequest(UNDECRYPTABLE, "The JWE could not be decrypted with the realm's key " + kid + ".");
        }
        ObjectNode claims = verifiedClaims(partner, new String(plaintext, StandardCharsets.UTF_8));
        return new Opened(claims, alg, enc);
    }

    /**
     * The answer to the partner, sealed with the request's algorithms to the partner's encryption key, which the caller
     * looked up ({@link #requirePartnerKey}) before anything was stored, so a partner without one gets a refusal, not a
     * lost answer.
     */
    String seal(KeyWrapper partnerKey, Opened request, String answer) {
        try {
            return TokenUtil.jweKeyEncryptionEncode(partnerKey.getPublicKey(), answer.getBytes(StandardCharsets.UTF_8),
                    request.keyAlgorithm(), request.contentAlgorithm(), partnerKey.getKid(),
                    session.getProvider(CekManagementProvider.class, request.keyAlgorithm()).jweAlgorithmProvider(),
                    session.getProvider(ContentEncryptionProvider.class, request.contentAlgorithm()).jweEncryptionProvider());
        } catch (JWEException e) {
            throw new IllegalStateException("Could not encrypt the answer to the partner's key " + partnerKey.getKid(), e);
        }
    }

    KeyWrapper requirePartnerKey(ClientModel partner, String alg) {
        KeyWrapper key = PublicKeyStorageManager.getClientPublicKeyWrapper(session, partner, JWK.Use.ENCRYPTION, alg);
        if (key == null || key.getPublicKey() == null) {
            throw new ApiError(422, NO_PARTNER_KEY, "The partner's client has no encryption key (use=enc) for " + alg
                    + " in its JWKS, so the answer could not be sealed; nothing was stored.");
        }
        return key;
    }

    static JsonNode jweHeader(String compact) {
        String[] parts = compact == null ? new String[0] : compact.trim().split("\\.", -1);
        if (parts.length != 5 || parts[0].isEmpty()) {
            throw ApiError.badRequest(NOT_A_JWE, "The body must be a compact JWE (five base64url parts separated by dots), "
                    + "encrypted to the realm's encryption key.");
        }
        try {
            JsonNode header = JsonSerialization.mapper.readTree(Base64.getUrlDecoder().decode(parts[0]));
            if (header == null || !header.isObject()) {
                throw new IllegalArgumentException("not an object");
            }
            return header;
        } catch (java.io.IOException | IllegalArgumentException notAHeader) {
            throw ApiError.badRequest(NOT_A_JWE, "The JWE's protected header is not base64url JSON.");
        }
    }

    /** The plaintext must be a JWS signed with an asymmetric key of the calling partner's client. */
    private ObjectNode verifiedClaims(ClientModel partner, String plaintext) {
        JWSInput jws;
        try {
            jws = new JWSInput(plaintext.trim());
        } catch (JWSInputException | RuntimeException notAJws) {
            throw ApiError.badRequest(NOT_SIGNED, "The JWE's plaintext must be a compact JWS signed by the partner.");
        }
        String alg = jws.getHeader().getRawAlgorithm();
        ClientSignatureVerifierProvider verifiers = alg == null ? null : session.getProvider(ClientSignatureVerifierProvider.class, alg);
        if (verifiers == null || !verifiers.isAsymmetricAlgorithm()) {
            throw ApiError.badRequest(NOT_SIGNED, "The JWS must be signed with the partner's private key (RS256, PS256, ES256, ...), not "
                    + (alg == null || "none".equalsIgnoreCase(alg) ? "unsigned" : "with " + alg) + ".");
        }
        try {
            boolean valid = verifiers.verifier(partner, jws).verify(jws.getEncodedSignatureInput().getBytes(StandardCharsets.UTF_8),
                    jws.getSignature());
            if (!valid) {
                throw new VerificationException("bad signature");
            }
        } catch (VerificationException | RuntimeException invalid) {
            throw ApiError.unauthorized(INVALID_SIGNATURE, "The JWS is not signed by a key of the calling client " + partner.getClientId() + ".");
        }
        JsonNode claims;
        try {
            claims = JsonSerialization.mapper.readTree(jws.getContent());
        } catch (java.io.IOException notJson) {
            claims = null;
        }
        if (claims == null || !claims.isObject()) {
            throw ApiError.badRequest(INVALID_CLAIMS, "The JWS's payload must be a JSON object.");
        }
        requireCurrentAndUnique(partner, (ObjectNode) claims);
        return (ObjectNode) claims;
    }

    /** exp not passed, iat within 5 minutes of now, and the jti never seen before on any node (Keycloak's single-use store). */
    private void requireCurrentAndUnique(ClientModel partner, ObjectNode claims) {
        JsonNode jti = claims.get("jti");
        JsonNode iat = claims.get("iat");
        JsonNode exp = claims.get("exp");
        if (jti == null || !jti.isTextual() || jti.textValue().isBlank() || jti.textValue().length() > 128
                || iat == null || !iat.canConvertToLong() || exp == null || !exp.canConvertToLong()) {
            throw ApiError.badRequest(INVALID_CLAIMS, "The message needs 'jti' (a string of at most 128 characters), 'iat' and 'exp' (seconds).");
        }
        long now = Time.currentTime();
        if (exp.longValue() <= now) {
            throw ApiError.badRequest(EXPIRED, "The message's exp has passed.");
        }
        if (Math.abs(iat.longValue() - now) > MAX_CLOCK_SKEW_SECONDS) {
            throw ApiError.badRequest(NOT_CURRENT, "The message's iat is more than " + MAX_CLOCK_SKEW_SECONDS + " seconds from now.");
        }
        if (exp.longValue() - iat.longValue() > MAX_LIFETIME_SECONDS) {
            throw ApiError.badRequest(INVALID_CLAIMS, "The message may live at most " + MAX_LIFETIME_SECONDS + " seconds (exp - iat).");
        }
        String key = "lanyard.sealed-enrollment." + realm.getId() + "." + partner.getId() + "." + jti.textValue();
        if (!session.singleUseObjects().putIfAbsent(key, exp.longValue() - now + MAX_CLOCK_SKEW_SECONDS)) {
            throw new ApiError(409, REPLAYED, "This message (its jti) was received before.");
        }
    }
}
