package dev.lanyard.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpRequest;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lanyard.testing.Api.Reply;
import dev.lanyard.userdata.EncryptedUserData;

/**
 * A seed 004 partner of one program at one realm URL (one node or the suite's server): its token, the realm's EC key
 * as found in the JWKS, and the calls with X-GD-RequestID, sealing user data with {@link UserDataSender}.
 */
public final class BankingPartner {

    private final String realmUrl;
    private final String program;
    private final String token;
    private final byte[] recipientKey;

    public BankingPartner(String realmUrl, String program, String clientId, String secret) throws Exception {
        this.realmUrl = realmUrl;
        this.program = program;
        this.token = Api.clientTokenAt(realmUrl, clientId, secret);
        this.recipientKey = jwksEncryptionKey(realmUrl);
    }

    public String openAccount(String userId) {
        Reply opened = Api.send(request("POST", base(), "{\"userIdentifier\": \"" + userId + "\"}", true));
        assertEquals(201, opened.status(), opened.body());
        assertEquals("pending", opened.json().get("status").asText());
        return opened.json().get("accountIdentifier").asText();
    }

    public Reply get(String account) {
        return Api.send(request("GET", base() + "/" + account + "/users", null, true));
    }

    public JsonNode users(String account) {
        return get(account).json().get("users");
    }

    public Reply put(String account, String path, String body) {
        return Api.send(request("PUT", base() + "/" + account + path, body, true));
    }

    public Reply activate(String account) {
        return put(account, "/status", "{\"status\": \"active\"}");
    }

    /** A call without the request id header. */
    public Reply withoutRequestId(String method, String url) {
        return Api.send(request(method, url, null, false));
    }

    public String base() {
        return realmUrl + "/programs/" + program + "/accounts";
    }

    public String sealed(String version, String data) throws Exception {
        return json(seal(version, data));
    }

    public EncryptedUserData seal(String version, String data) throws Exception {
        return UserDataSender.seal(version, data, recipientKey, program);
    }

    public static String json(EncryptedUserData sealed) {
        return Api.json(Map.of("version", sealed.version(), "ephemeralPublicKey", sealed.ephemeralPublicKey(), "publicKeyHash",
                sealed.publicKeyHash(), "data", sealed.data()));
    }

    /** An account of {@code userId} whose user has this SSN (and the home address KYC asks for). */
    public String accountWithSsn(String userId, String ssn) throws Exception {
        return accountWithSsn(userId, ssn, "1975-05-05");
    }

    public String accountWithSsn(String userId, String ssn, String dateOfBirth) throws Exception {
        String account = openAccount(userId);
        assertDetail(put(account, "/users/" + userId, "{\"encryptedUserData\": " + sealed("EC_v1", "{\"identifyingData\": {\"ssn\": \"" + ssn
                + "\", \"dateOfBirth\": \"" + dateOfBirth + "\"}, \"profileData\": {\"firstName\": \"Sam\", \"lastName\": \"Ng\", \"addresses\": [{\"addressLine1\":"
                + " \"1 Main St\", \"zipCode\": \"10001\", \"type\": \"home\", \"isDefault\": true}]}}") + "}"), 0, 0);
        return account;
    }

    /** The reply carries {@code code}/{@code subCode} among its responseDetails. */
    public static void assertDetail(Reply reply, int code, int subCode) {
        JsonNode details = reply.json().get("responseDetails");
        List<String> got = new ArrayList<>();
        details.forEach(d -> got.add(d.get("code").asInt() + "/" + d.get("subCode").asInt()));
        assertTrue(got.contains(code + "/" + subCode), code + "/" + subCode + " expected: " + reply.status() + " " + reply.body());
    }

    private HttpRequest request(String method, String url, String body, boolean requestId) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (requestId) {
            builder.header("X-GD-RequestID", UUID.randomUUID().toString());
        }
        return builder.build();
    }

    /** The realm's EC encryption key as a partner finds it: in the JWKS, rebuilt as X.509 from x and y. */
    private static byte[] jwksEncryptionKey(String realmUrl) throws Exception {
        JsonNode keys = Api.get(realmUrl + "/protocol/openid-connect/certs", null).json().get("keys");
        for (JsonNode key : keys) {
            if ("EC".equals(key.path("kty").asText()) && "enc".equals(key.path("use").asText()) && "P-256".equals(key.path("crv").asText())) {
                AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
                parameters.init(new ECGenParameterSpec("secp256r1"));
                ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
                ECPoint point = new ECPoint(new BigInteger(1, Base64.getUrlDecoder().decode(key.get("x").asText())),
                        new BigInteger(1, Base64.getUrlDecoder().decode(key.get("y").asText())));
                return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, spec)).getEncoded();
            }
        }
        throw new AssertionError("No EC P-256 encryption key in the realm's JWKS: " + keys);
    }
}
