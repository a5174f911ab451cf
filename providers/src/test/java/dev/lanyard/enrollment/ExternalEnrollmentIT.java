package dev.lanyard.enrollment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.PlainObject;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.lanyard.testing.Api;
import dev.lanyard.testing.Api.Reply;
import dev.lanyard.testing.Accounts;
import dev.lanyard.testing.DemoRealm;
import dev.lanyard.testing.LanyardServer;
import dev.lanyard.testing.Mailbox;
import dev.lanyard.testing.Secrets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Seed 000 "External Guest Enrollment" as a partner integrates it, with a JOSE library of its own (Nimbus): the
 * enrollment signed with the partner's key and encrypted to the realm's RSA-OAEP-256 key is accepted and mailed a
 * passcode; the answer decrypts with the partner's private key only; each forged, stale, replayed or unsealed message
 * is refused with its code and leaves no account.
 */
@KeycloakIntegrationTest(config = LanyardServer.class)
class ExternalEnrollmentIT {

    private static final String URL = Accounts.USER + "/external/guest/enrollments";
    private static final String BIRTH = Secrets.record("1958-03-21");
    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectRealm(lifecycle = LifeCycle.GLOBAL, fromJson = DemoRealm.JSON, config = DemoRealm.class)
    ManagedRealm realm;

    @InjectMailServer
    MailServer mailServer;

    private RSAKey partnerSigning;
    private RSAKey partnerEncryption;
    private RSAKey otherClientsSigning;
    private RSAKey realmKey;
    private String partnerToken;

    @BeforeEach
    void partnerWithKeys() throws Exception {
        partnerSigning = new RSAKeyGenerator(2048).keyID("partner-sig-" + UUID.randomUUID()).keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256).generate();
        partnerEncryption = new RSAKeyGenerator(2048).keyID("partner-enc-" + UUID.randomUUID()).keyUse(KeyUse.ENCRYPTION)
                .algorithm(JWEAlgorithm.RSA_OAEP_256).generate();
        otherClientsSigning = new RSAKeyGenerator(2048).keyID("site-sig-" + UUID.randomUUID()).keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256).generate();
        // The partner's onboarding: its public keys on its client (Keycloak's "JWKS" setting), the site's on the site's.
        storeJwks(DemoRealm.PARTNER, new JWKSet(List.of(partnerSigning.toPublicJWK(), partnerEncryption.toPublicJWK())));
        storeJwks(DemoRealm.SITE, new JWKSet(List.of(otherClientsSigning.toPublicJWK())));
        realmKey = realmEncryptionKey();
        partnerToken = Api.clientToken(DemoRealm.NAME, DemoRealm.PARTNER, DemoRealm.PARTNER_SECRET);
    }

    @Test
    void aSealedEnrollmentIsAcceptedAndAnsweredSealedToThePartner() throws Exception {
        String email = Accounts.uniqueEmail("sealed");
        Reply reply = post(seal(sign(claims(email, UUID.randomUUID().toString(), 0, 120), partnerSigning), realmKey));
        assertEquals(201, reply.status(), reply.body());
        assertEquals(ExternalEnrollmentResource.JOSE, reply.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertFalse(reply.body().contains(email), "nothing personal in clear");

        JWEObject answer = JWEObject.parse(reply.body());
        assertEquals(partnerEncryption.getKeyID(), answer.getHeader().getKeyID());
        answer.decrypt(new RSADecrypter(partnerEncryption));
        JsonNode enrolled = JSON.readTree(answer.getPayload().toString());
        assertEquals("ENROLLED", enrolled.get("status").asText());
        assertEquals(email, realm.admin().users().get(enrolled.get("userId").asText()).toRepresentation().getEmail());
        new Mailbox(mailServer).awaitCode(email, 1);

        JWEObject stranger = JWEObject.parse(reply.body());
        assertThrows(JOSEException.class, () -> stranger.decrypt(new RSADecrypter(otherClientsSigning)),
                "only the partner's private key opens the answer");
    }

    @Test
    void everyForgedStaleReplayedOrUnsealedMessageIsRefusedAndCreatesNobody() throws Exception {
        String email = Accounts.uniqueEmail("refused-sealed");
        String jti = UUID.randomUUID().toString();
        Map<String, Object> good = claims(email, jti, 0, 120);

        assertRefused(send("application/json", JSON.writeValueAsString(good)), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertRefused(post(JSON.writeValueAsString(good)), 400, SealedMessages.NOT_A_JWE);
        assertRefused(post(seal(sign(good, partnerSigning), realmKey, "no-such-kid")), 400, SealedMessages.UNKNOWN_KEY);
        assertRefused(post(seal(sign(good, partnerSigning), partnerEncryption, realmKey.getKeyID())), 400, SealedMessages.UNDECRYPTABLE);

        RSAKey forger = new RSAKeyGenerator(2048).keyID(partnerSigning.getKeyID()).generate();
        assertRefused(post(seal(sign(good, forger), realmKey)), 401, SealedMessages.INVALID_SIGNATURE);
        assertRefused(post(seal(sign(good, otherClientsSigning), realmKey)), 401, SealedMessages.INVALID_SIGNATURE);
        assertRefused(post(seal(new PlainObject(new Payload(good)).serialize(), realmKey)), 400, SealedMessages.NOT_SIGNED);
        JWSObject hmac = new JWSObject(new JWSHeader(JWSAlgorithm.HS256), new Payload(good));
        hmac.sign(new MACSigner(Secrets.record(DemoRealm.PARTNER_SECRET + "-padded-to-thirty-two-bytes")));
        assertRefused(post(seal(hmac.serialize(), realmKey)), 400, SealedMessages.NOT_SIGNED);
        assertRefused(post(seal(JSON.writeValueAsString(good), realmKey)), 400, SealedMessages.NOT_SIGNED);

        assertRefused(post(seal(sign(claims(email, UUID.randomUUID().toString(), -400, -100), partnerSigning), realmKey)), 400,
                SealedMessages.EXPIRED);
        assertRefused(post(seal(sign(claims(email, UUID.randomUUID().toString(), -600, 200), partnerSigning), realmKey)), 400,
                SealedMessages.NOT_CURRENT);
        Map<String, Object> withoutConsent = claims(email, UUID.randomUUID().toString(), 0, 120);
        withoutConsent.remove("consents");
        assertRefused(post(seal(sign(withoutConsent, partnerSigning), realmKey)), 400, "CONSENT_REQUIRED");
        assertTrue(realm.admin().users().searchByEmail(email, true).isEmpty(), "no refusal created the person");

        String once = seal(sign(good, partnerSigning), realmKey);
        assertEquals(201, post(once).status());
        assertRefused(post(once), 409, SealedMessages.REPLAYED);
        assertRefused(post(seal(sign(claims(Accounts.uniqueEmail("replay"), jti, 0, 120), partnerSigning), realmKey)), 409,
                SealedMessages.REPLAYED);
        assertEquals(1, realm.admin().users().searchByEmail(email, true).size());
    }

    private Map<String, Object> claims(String email, String jti, long iatOffset, long expOffset) {
        long now = System.currentTimeMillis() / 1000;
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("jti", jti);
        claims.put("iat", now + iatOffset);
        claims.put("exp", now + expOffset);
        claims.put("email", email);
        claims.put("firstName", "Sealed");
        claims.put("lastName", "Guest");
        claims.put("dateOfBirth", BIRTH);
        claims.put("siteId", DemoRealm.SITE);
        claims.put("consents", List.of(Map.of("termsIdentifier", "demo-terms", "termsVersion", "2026-01", "accepted", true)));
        return claims;
    }

    private static String sign(Map<String, Object> claims, RSAKey key) throws JOSEException {
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), new Payload(claims));
        jws.sign(new RSASSASigner(key));
        return Secrets.record(jws.serialize());
    }

    private static String seal(String plaintext, RSAKey to) throws JOSEException {
        return seal(plaintext, to, to.getKeyID());
    }

    private static String seal(String plaintext, RSAKey to, String kid) throws JOSEException {
        JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM).keyID(kid)
                .contentType("JWT").build(), new Payload(plaintext));
        jwe.encrypt(new RSAEncrypter(to.toRSAPublicKey()));
        return jwe.serialize();
    }

    private Reply post(String body) {
        return send(ExternalEnrollmentResource.JOSE, body);
    }

    private Reply send(String contentType, String body) {
        return Api.send(HttpRequest.newBuilder(URI.create(URL)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + partnerToken).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static void assertRefused(Reply reply, int status, String code) {
        assertEquals(status, reply.status(), reply.body());
        assertEquals(code, reply.json().get("code").asText(), reply.body());
        assertFalse(reply.body().contains(BIRTH), "the refusal quotes nothing personal");
    }

    private void storeJwks(String clientId, JWKSet keys) {
        ClientRepresentation client = realm.admin().clients().findByClientId(clientId).get(0);
        ClientResource resource = realm.admin().clients().get(client.getId());
        client.getAttributes().put("use.jwks.string", "true");
        client.getAttributes().put("jwks.string", keys.toString(true));
        resource.update(client);
    }

    /** The realm's RSA-OAEP-256 key (added once, as an admin adds a key provider under Realm settings, Keys), from its JWKS. */
    private RSAKey realmEncryptionKey() throws Exception {
        boolean present = realm.admin().components().query(realm.admin().toRepresentation().getId(), "org.keycloak.keys.KeyProvider")
                .stream().anyMatch(c -> "lanyard-rsa-oaep-256".equals(c.getName()));
        if (!present) {
            ComponentRepresentation provider = new ComponentRepresentation();
            provider.setName("lanyard-rsa-oaep-256");
            provider.setProviderId("rsa-enc-generated");
            provider.setProviderType("org.keycloak.keys.KeyProvider");
            provider.setParentId(realm.admin().toRepresentation().getId());
            MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
            config.putSingle("priority", "100");
            config.putSingle("algorithm", "RSA-OAEP-256");
            config.putSingle("keySize", "2048");
            provider.setConfig(config);
            realm.admin().components().add(provider).close();
        }
        Reply certs = Api.get(Api.realmUrl(DemoRealm.NAME) + "/protocol/openid-connect/certs", null);
        for (JWK key : JWKSet.parse(certs.body()).getKeys()) {
            if (KeyUse.ENCRYPTION.equals(key.getKeyUse()) && JWEAlgorithm.RSA_OAEP_256.equals(key.getAlgorithm())) {
                return key.toRSAKey();
            }
        }
        throw new AssertionError("No RSA-OAEP-256 encryption key in the realm's JWKS: " + certs.body());
    }
}
