package dev.lanyard.enrollment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.PlainObject;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.lanyard.testing.Api;
import dev.lanyard.testing.Api.Reply;
import dev.lanyard.testing.Accounts;
import dev.lanyard.testing.DemoRealm;
import dev.lanyard.testing.LanyardServer;
import dev.lanyard.testing.Mailbox;
import dev.lanyard.testing.SealedPartner;
import dev.lanyard.testing.Secrets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
        SealedPartner partner = SealedPartner.onboard(realm.admin(), DemoRealm.PARTNER);
        partnerSigning = partner.signing;
        partnerEncryption = partner.encryption;
        // Another client's key, to sign with: the site's.
        otherClientsSigning = SealedPartner.signingKey("site");
        SealedPartner.storeJwks(realm.admin(), DemoRealm.SITE, new JWKSet(List.of(otherClientsSigning.toPublicJWK())));
        realmKey = SealedPartner.realmKey(realm.admin(), Api.realmUrl(DemoRealm.NAME));
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

    private static Map<String, Object> claims(String email, String jti, long iatOffset, long expOffset) {
        return SealedPartner.claims(email, DemoRealm.SITE, jti, iatOffset, expOffset, BIRTH);
    }

    private static String sign(Map<String, Object> claims, RSAKey key) throws JOSEException {
        return SealedPartner.sign(claims, key);
    }

    private static String seal(String plaintext, RSAKey to) throws JOSEException {
        return SealedPartner.seal(plaintext, to, to.getKeyID());
    }

    private static String seal(String plaintext, RSAKey to, String kid) throws JOSEException {
        return SealedPartner.seal(plaintext, to, kid);
    }

    private Reply post(String body) {
        return send(ExternalEnrollmentResource.JOSE, body);
    }

    private Reply send(String contentType, String body) {
        return SealedPartner.post(Api.realmUrl(DemoRealm.NAME), partnerToken, contentType, body);
    }

    private static void assertRefused(Reply reply, int status, String code) {
        assertEquals(status, reply.status(), reply.body());
        assertEquals(code, reply.json().get("code").asText(), reply.body());
        assertFalse(reply.body().contains(BIRTH), "the refusal quotes nothing personal");
    }
}
