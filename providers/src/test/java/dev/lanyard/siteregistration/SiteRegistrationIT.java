package dev.lanyard.siteregistration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lanyard.testing.Accounts;
import dev.lanyard.testing.Accounts.Registered;
import dev.lanyard.testing.Api;
import dev.lanyard.testing.Api.Reply;
import dev.lanyard.testing.DemoRealm;
import dev.lanyard.testing.LanyardServer;
import dev.lanyard.testing.Mailbox;
import dev.lanyard.testing.Passwordless;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.util.JsonSerialization;

/**
 * Seed 000 "Site Registration Workflow": a site registers an active person with its own attributes; "attributes
 * isolated per site ID": another site neither reads nor writes them (and learns nothing of them), and each site's
 * tokens carry its own attributes only.
 */
@KeycloakIntegrationTest(config = LanyardServer.class)
class SiteRegistrationIT {

    /** A second site, made here: the demo realm's second site requires two factors for its logins. */
    private static final String SITE_B = "isolation-site-b";
    private static final String SITE_B_SECRET = "isolation-site-b-secret";

    @InjectRealm(lifecycle = LifeCycle.GLOBAL, fromJson = DemoRealm.JSON, config = DemoRealm.class)
    ManagedRealm realm;

    @InjectMailServer
    MailServer mailServer;

    @Test
    void aSiteRegistersAnActivePersonWithTheAttributesItDeclares() {
        String site = Passwordless.siteToken();
        Registered person = Accounts.active(site, new Mailbox(mailServer), "register");

        Reply created = register(site, DemoRealm.SITE, person.userId(), Map.of("loyaltyNumber", "L-1001", "newsletter", "yes"));
        assertEquals(201, created.status(), created.body());
        assertEquals("L-1001", read(site, DemoRealm.SITE, person.userId()).json().get("attributes").get("loyaltyNumber").asText());
        Reply updated = register(site, DemoRealm.SITE, person.userId(), Map.of("loyaltyNumber", "L-1002"));
        assertEquals(200, updated.status(), updated.body());
        JsonNode attributes = read(site, DemoRealm.SITE, person.userId()).json().get("attributes");
        assertEquals("L-1002", attributes.get("loyaltyNumber").asText());
        assertFalse(attributes.has("newsletter"), "a registration is replaced whole");

        Reply unknown = register(site, DemoRealm.SITE, person.userId(), Map.of("loyaltyNumber", "L-1", "shoeSize", "44"));
        assertEquals(400, unknown.status());
        assertEquals("INVALID_ATTRIBUTES", unknown.code());
        assertEquals(List.of("shoeSize"), List.of(unknown.json().get("unknown").get(0).asText()));
        Reply missing = register(site, DemoRealm.SITE, person.userId(), Map.of("newsletter", "no"));
        assertEquals("loyaltyNumber", missing.json().get("missing").get(0).asText(), missing.body());
        Reply tooLong = register(site, DemoRealm.SITE, person.userId(), Map.of("loyaltyNumber", "L".repeat(21)));
        assertEquals("loyaltyNumber", tooLong.json().get("tooLong").get(0).asText(), tooLong.body());

        Registered pending = Accounts.register(site, "pending-site");
        Reply inactive = register(site, DemoRealm.SITE, pending.userId(), Map.of("loyaltyNumber", "L-3"));
        assertEquals(409, inactive.status());
        assertEquals("USER_NOT_ACTIVE", inactive.code());

        Reply removed = Api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url(DemoRealm.SITE) + "?userId=" + person.userId()))
                .header("Authorization", "Bearer " + site).DELETE().build());
        assertEquals(204, removed.status(), removed.body());
        assertEquals(404, read(site, DemoRealm.SITE, person.userId()).status());
    }

    @Test
    void anotherSiteNeitherReadsNorWritesARegistrationAndEachTokenCarriesItsOwn() throws Exception {
        ensureSiteB();
        String siteA = Passwordless.siteToken();
        String siteB = Api.clientToken(DemoRealm.NAME, SITE_B, SITE_B_SECRET);
        Registered person = Accounts.active(siteA, new Mailbox(mailServer), "isolated");
        assertEquals(201, register(siteA, DemoRealm.SITE, person.userId(), Map.of("loyaltyNumber", "A-7")).status());

        Reply aReadsB = read(siteA, SITE_B, person.userId());
        Reply aWritesB = register(siteA, SITE_B, person.userId(), Map.of("memberTier", "gold"));
        Reply noSuchSite = read(siteA, "no-such-site", person.userId());
        assertEquals(404, aReadsB.status());
        assertEquals(404, aWritesB.status());
        assertEquals(noSuchSite.body(), aReadsB.body(), "site A learns nothing of site B, not even that it exists");

        Reply bReads = read(siteB, SITE_B, person.userId());
        Reply bReadsNobody = read(siteB, SITE_B, "no-such-user");
        assertEquals(404, bReads.status());
        assertEquals(bReadsNobody.body(), bReads.body(), "nor does B learn where else the person is registered");

        assertEquals(201, register(siteB, SITE_B, person.userId(), Map.of("memberTier", "gold")).status());
        JsonNode claimsA = claims(Accounts.signIn(siteA, person.email(), Accounts.PASSWORD).get("access_token").asText());
        assertEquals(Map.of("loyaltyNumber", "A-7"), JsonSerialization.mapper.convertValue(claimsA.get("site_attributes"), Map.class));
        Reply loginB = Accounts.passwordLogin(siteB, SITE_B, "email", person.email(), Accounts.PASSWORD);
        assertEquals(200, loginB.status(), loginB.body());
        JsonNode claimsB = claims(loginB.json().get("access_token").asText());
        assertEquals(Map.of("memberTier", "gold"), JsonSerialization.mapper.convertValue(claimsB.get("site_attributes"), Map.class));
        dev.lanyard.testing.Secrets.record(loginB.json().get("access_token").asText());
        dev.lanyard.testing.Secrets.record(loginB.json().get("refresh_token").asText());
    }

    private void ensureSiteB() {
        if (!realm.admin().clients().findByClientId(SITE_B).isEmpty()) {
            return;
        }
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(SITE_B);
        client.setSecret(SITE_B_SECRET);
        client.setServiceAccountsEnabled(true);
        client.setStandardFlowEnabled(true);
        client.setRedirectUris(List.of("http://localhost:8080/*"));
        client.setAttributes(Map.of(SiteAttributes.CLIENT_ATTRIBUTE, "memberTier:10"));
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName("site attributes");
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper(SiteAttributesMapper.ID);
        mapper.setConfig(Map.of("claim.name", "site_attributes", "access.token.claim", "true", "userinfo.token.claim", "true"));
        client.setProtocolMappers(List.of(mapper));
        realm.admin().clients().create(client).close();
    }

    private static Reply register(String token, String siteId, String userId, Map<String, String> attributes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("userId", userId);
        body.put("attributes", attributes);
        return Api.postJson(url(siteId), token, Api.json(body));
    }

    private static Reply read(String token, String siteId, String userId) {
        return Api.get(url(siteId) + "?userId=" + userId, token);
    }

    private static String url(String siteId) {
        return Accounts.USER + "/register/" + siteId;
    }

    private static JsonNode claims(String jwt) throws java.io.IOException {
        return JsonSerialization.mapper.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }
}
