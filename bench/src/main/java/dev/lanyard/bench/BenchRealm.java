package dev.lanyard.bench;

import static dev.lanyard.bench.BenchSettings.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The realm both servers are loaded through: the same clients and users; the Lanyard server also
 * has a site whose browser flow is Lanyard's email OTP (no resend cooldown, so a user can sign in
 * again at once). Brute-force detection is off: the load is not an attack.
 */
final class BenchRealm {

    static final int USERS = 32;
    private static final String OTP_FLOW_ID = "7d0e9c3a-8a41-4c3e-9d55-0f1b2c3d4e5f";

    private BenchRealm() {
    }

    static Map<String, Object> representation(String baseUrl, boolean lanyard) {
        Map<String, Object> realm = new LinkedHashMap<>();
        realm.put("realm", REALM);
        realm.put("enabled", true);
        realm.put("sslRequired", "none");
        realm.put("bruteForceProtected", false);
        realm.put("smtpServer", Map.of("host", "127.0.0.1", "port", Integer.toString(MailSink.PORT), "from", "bench@bench.test"));

        List<Map<String, Object>> clients = new ArrayList<>();
        clients.add(client(APP, APP_SECRET, Map.of("standardFlowEnabled", true, "directAccessGrantsEnabled", true,
                "redirectUris", List.of(baseUrl + CALLBACK_PATH))));
        clients.add(client(SERVICE, SERVICE_SECRET, Map.of("serviceAccountsEnabled", true)));
        if (lanyard) {
            clients.add(client(OTP_SITE, OTP_SITE_SECRET, Map.of("serviceAccountsEnabled", true,
                    "authenticationFlowBindingOverrides", Map.of("browser", OTP_FLOW_ID))));
            realm.put("authenticationFlows", List.of(Map.of(
                    "id", OTP_FLOW_ID, "alias", "bench email otp", "providerId", "basic-flow", "topLevel", true, "builtIn", false,
                    "authenticationExecutions", List.of(Map.of("authenticator", "lanyard-email-otp",
                            "authenticatorConfig", "bench email otp", "authenticatorFlow", false, "requirement", "REQUIRED",
                            "priority", 10, "userSetupAllowed", false)))));
            // As the demo realm: every Lanyard listener on, so the sign-in numbers include their cost.
            realm.put("eventsListeners", List.of("jboss-logging", "lanyard-audit", "lanyard-screening", "lanyard-person"));
            realm.put("authenticatorConfig", List.of(Map.of("alias", "bench email otp",
                    "config", Map.of("resendCooldownSeconds", "0", "maxAttempts", "3", "lifetimeSeconds", "300", "codeLength", "6"))));
        }
        realm.put("clients", clients);

        List<Map<String, Object>> users = new ArrayList<>();
        for (int i = 1; i <= USERS; i++) {
            users.add(Map.of("username", username(i), "email", email(i), "firstName", "Bench", "lastName", "User " + i,
                    "enabled", true, "emailVerified", true,
                    "credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false))));
        }
        realm.put("users", users);
        return realm;
    }

    private static Map<String, Object> client(String clientId, String secret, Map<String, Object> settings) {
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("clientId", clientId);
        client.put("enabled", true);
        client.put("publicClient", false);
        client.put("secret", secret);
        client.put("standardFlowEnabled", false);
        client.put("directAccessGrantsEnabled", false);
        client.putAll(settings);
        return client;
    }
}
