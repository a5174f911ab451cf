package dev.lanyard.testing;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.lanyard.testing.Api.Reply;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ComponentRepresentation;

/**
 * An external partner of sealed enrollment, built with a JOSE library of its own (Nimbus): its keys, stored on its
 * client as an admin onboards it; the realm's RSA-OAEP-256 key (added as an admin adds a key provider); messages
 * signed with the partner's key and encrypted to the realm's.
 */
public final class SealedPartner {

    public static final String PATH = "/user/external/guest/enrollments";
    public static final String JOSE = "application/jose";
    private static final String REALM_KEY_PROVIDER = "lanyard-rsa-oaep-256";

    public final RSAKey signing;
    public final RSAKey encryption;

    private SealedPartner(RSAKey signing, RSAKey encryption) {
        this.signing = signing;
        this.encryption = encryption;
    }

    public static RSAKey signingKey(String prefix) throws JOSEException {
        return new RSAKeyGenerator(2048).keyID(prefix + "-sig-" + UUID.randomUUID()).keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256).generate();
    }

    /** New keys for {@code clientId}, its public ones stored on the client (Keycloak's "Use JWKS" setting). */
    public static SealedPartner onboard(RealmResource realm, String clientId) throws JOSEException {
        RSAKey encryption = new RSAKeyGenerator(2048).keyID("partner-enc-" + UUID.randomUUID()).keyUse(KeyUse.ENCRYPTION)
                .algorithm(JWEAlgorithm.RSA_OAEP_256).generate();
        SealedPartner partner = new SealedPartner(signingKey("partner"), encryption);
        storeJwks(realm, clientId, new JWKSet(List.of(partner.signing.toPublicJWK(), encryption.toPublicJWK())));
        return partner;
    }

    public static void storeJwks(RealmResource realm, String clientId, JWKSet keys) {
        ClientRepresentation client = realm.clients().findByClientId(clientId).get(0);
        client.getAttributes().put("use.jwks.string", "true");
        client.getAttributes().put("jwks.string", keys.toString(true));
        realm.clients().get(client.getId()).update(client);
    }

    /** The realm's RSA-OAEP-256 encryption key from its JWKS at {@code realmUrl}, its key provider added once. */
    public static RSAKey realmKey(RealmResource realm, String realmUrl) throws Exception {
        String realmId = realm.toRepresentation().getId();
        if (realm.components().query(realmId, "org.keycloak.keys.KeyProvider").stream().noneMatch(c -> REALM_KEY_PROVIDER.equals(c.getName()))) {
            ComponentRepresentation provider = new ComponentRepresentation();
            provider.setName(REALM_KEY_PROVIDER);
            provider.setProviderId("rsa-enc-generated");
            provider.setProviderType("org.keycloak.keys.KeyProvider");
            provider.setParentId(realmId);
            MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
            config.putSingle("priority", "100");
            config.putSingle("algorithm", "RSA-OAEP-256");
            config.putSingle("keySize", "2048");
            provider.setConfig(config);
            realm.components().add(provider).close();
        }
        Reply certs = Api.get(realmUrl + "/protocol/openid-connect/certs", null);
        for (JWK key : JWKSet.parse(certs.body()).getKeys()) {
            if (KeyUse.ENCRYPTION.equals(key.getKeyUse()) && JWEAlgorithm.RSA_OAEP_256.equals(key.getAlgorithm())) {
                return key.toRSAKey();
            }
        }
        throw new AssertionError("No RSA-OAEP-256 encryption key in the realm's JWKS: " + certs.body());
    }

    /** An enrollment for {@code siteId} accepting the demo site's terms, with jti and iat/exp relative to now (seconds). */
    public static Map<String, Object> claims(String email, String siteId, String jti, long iatOffset, long expOffset, String birth) {
        long now = System.currentTimeMillis() / 1000;
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("jti", jti);
        claims.put("iat", now + iatOffset);
        claims.put("exp", now + expOffset);
        claims.put("email", email);
        claims.put("firstName", "Sealed");
        claims.put("lastName", "Guest");
        claims.put("dateOfBirth", birth);
        claims.put("siteId", siteId);
        claims.put("consents", List.of(Map.of("termsIdentifier", "demo-terms", "termsVersion", "2026-01", "accepted", true)));
        return claims;
    }

    public static String sign(Map<String, Object> claims, RSAKey key) throws JOSEException {
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), new Payload(claims));
        jws.sign(new RSASSASigner(key));
        return Secrets.record(jws.serialize());
    }

    public static String seal(String plaintext, RSAKey to, String kid) throws JOSEException {
        JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM).keyID(kid)
                .contentType("JWT").build(), new Payload(plaintext));
        jwe.encrypt(new RSAEncrypter(to.toRSAPublicKey()));
        return jwe.serialize();
    }

    public static Reply post(String realmUrl, String token, String contentType, String body) {
        return Api.send(HttpRequest.newBuilder(URI.create(realmUrl + PATH)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
