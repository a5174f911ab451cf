package dev.lanyard.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.core.Response;

import dev.lanyard.testing.Api.Reply;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.util.ApiUtil;

/**
 * Issuers made per test: a site client naming its issuer ({@code lanyard.issuer}), a back-office client serving
 * issuers ({@code lanyard.issuers}, scope SYSTEM_USER_R), concierge agents, and people registered to sites.
 */
public final class IssuerClients {

    public static final String SECRET = "issuer-client-secret";
    public static final String AGENT_PASSWORD = Secrets.record("Agent-pass-2026!");

    private IssuerClients() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A site of {@code issuer}; returns its clientId (the siteId). */
    public static String site(ManagedRealm realm, String issuer) {
        return client(realm, unique("site"), Map.of("lanyard.issuer", issuer), List.of());
    }

    /** A back-office client serving the issuers (comma-separated); returns its clientId. */
    public static String backOffice(ManagedRealm realm, String issuers) {
        return client(realm, unique("back-office"), Map.of("lanyard.issuers", issuers), List.of("SYSTEM_USER_R"));
    }

    /** A client whose service account holds realm-management's manage-users (a data steward's tool); returns its clientId. */
    public static String userAdmin(ManagedRealm realm) {
        String clientId = client(realm, unique("steward"), Map.of(), List.of());
        String clientUuid = realm.admin().clients().findByClientId(clientId).get(0).getId();
        String serviceAccount = realm.admin().clients().get(clientUuid).getServiceAccountUser().getId();
        String management = realm.admin().clients().findByClientId("realm-management").get(0).getId();
        realm.admin().users().get(serviceAccount).roles().clientLevel(management)
                .add(List.of(realm.admin().clients().get(management).roles().get("manage-users").toRepresentation()));
        return clientId;
    }

    public static String token(String clientId) {
        return Api.clientToken(DemoRealm.NAME, clientId, SECRET);
    }

    /** A person with a password, with the concierge role and the issuers if given; returns the username. */
    public static String agent(ManagedRealm realm, String issuers, boolean withRole) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(unique("agent"));
        user.setEmail(user.getUsername() + "@desk.lanyard.test");
        user.setFirstName("Desk");
        user.setLastName("Agent");
        user.setEnabled(true);
        user.setEmailVerified(true);
        if (issuers != null) {
            user.setAttributes(Map.of("lanyard.issuers", List.of(issuers)));
        }
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(AGENT_PASSWORD);
        password.setTemporary(false);
        user.setCredentials(List.of(password));
        String id;
        try (Response response = realm.admin().users().create(user)) {
            if (response.getStatus() != 201) {
                throw new AssertionError("Creating the agent failed: " + response.getStatus());
            }
            id = ApiUtil.getCreatedId(response);
        }
        if (withRole) {
            realm.admin().users().get(id).roles().realmLevel().add(List.of(realm.admin().roles().get("lanyard-concierge").toRepresentation()));
        }
        return user.getUsername();
    }

    /** The agent's access token from the demo-concierge desk (a password grant of the public client). */
    public static String agentToken(String username) {
        Reply reply = Api.form(Api.realmUrl(DemoRealm.NAME) + "/protocol/openid-connect/token", Map.of("grant_type", "password",
                "client_id", "demo-concierge", "username", username, "password", AGENT_PASSWORD, "scope", "openid"));
        if (reply.status() != 200) {
            throw new AssertionError("Agent sign-in failed: " + reply.status() + " " + reply.body());
        }
        return Secrets.record(reply.json().get("access_token").asText());
    }

    /** A cardholder with the given profile attributes (phoneNumber, dateOfBirth), registered to the site; returns the user id. */
    public static String cardholder(ManagedRealm realm, String site, String email, String firstName, String lastName,
                                    Map<String, String> attributes) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(unique("holder"));
        user.setEmail(email);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setEnabled(true);
        user.setEmailVerified(true);
        Map<String, List<String>> values = new java.util.HashMap<>();
        attributes.forEach((name, value) -> values.put(name, List.of(value)));
        user.setAttributes(values);
        String id;
        try (Response response = realm.admin().users().create(user)) {
            if (response.getStatus() != 201) {
                throw new AssertionError("Creating " + email + " failed: " + response.getStatus() + " " + response.readEntity(String.class));
            }
            id = ApiUtil.getCreatedId(response);
        }
        register(site, id);
        return id;
    }

    public static void register(String site, String userId) {
        Reply registered = Api.postJson(Accounts.USER + "/register/" + site, token(site), Api.json(Map.of("userId", userId,
                "attributes", Map.of())));
        if (registered.status() / 100 != 2) {
            throw new AssertionError("Site registration failed: " + registered.status() + " " + registered.body());
        }
    }

    private static String client(ManagedRealm realm, String clientId, Map<String, String> attributes, List<String> extraScopes) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setSecret(SECRET);
        client.setPublicClient(false);
        client.setServiceAccountsEnabled(true);
        client.setStandardFlowEnabled(false);
        client.setAttributes(new java.util.HashMap<>(attributes));
        List<String> scopes = new ArrayList<>(List.of("web-origins", "acr", "profile", "roles", "basic", "email"));
        scopes.addAll(extraScopes);
        client.setDefaultClientScopes(scopes);
        try (Response response = realm.admin().clients().create(client)) {
            if (response.getStatus() != 201) {
                throw new AssertionError("Creating client " + clientId + " failed: " + response.getStatus());
            }
        }
        return clientId;
    }
}
