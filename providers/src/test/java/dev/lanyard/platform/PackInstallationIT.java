package dev.lanyard.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import dev.lanyard.testing.DemoRealm;
import dev.lanyard.testing.LanyardServer;
import dev.lanyard.testing.SuiteEnvironment;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.AuthenticatorConfigInfoRepresentation;
import org.keycloak.representations.idm.ConfigPropertyRepresentation;
import org.keycloak.representations.info.ProviderRepresentation;
import org.keycloak.representations.info.ServerInfoRepresentation;
import org.keycloak.representations.info.SpiInfoRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * What a realm admin sees of the pack in the admin console: its providers and version in Server
 * info → Provider info, the email OTP step's settings with help texts, the demo realm's flow; and
 * the database Keycloak runs on.
 */
@KeycloakIntegrationTest(config = LanyardServer.class)
class PackInstallationIT {

    @InjectRealm(lifecycle = LifeCycle.GLOBAL, fromJson = DemoRealm.JSON, config = DemoRealm.class)
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak admin;

    @Test
    void serverInfoListsLanyardsProvidersWithTheirVersion() {
        ServerInfoRepresentation info = admin.serverInfo().getInfo();
        ProviderRepresentation emailOtp = info.getProviders().get("authenticator").getProviders().get("lanyard-email-otp");
        ProviderRepresentation userApi = info.getProviders().get("realm-restapi-extension").getProviders().get("user");
        assertNotNull(emailOtp, "lanyard-email-otp is installed");
        assertNotNull(userApi, "the seed user API is installed");
        assertNotNull(emailOtp.getOperationalInfo().get("lanyard-version"));
        assertEquals(emailOtp.getOperationalInfo(), userApi.getOperationalInfo());
    }

    /** Screening and revalidation are SPIs of their own; Provider info lists them with their version. */
    @Test
    void serverInfoListsLanyardsOwnSpis() {
        Map<String, SpiInfoRepresentation> spis = admin.serverInfo().getInfo().getProviders();
        for (String spi : List.of("lanyard-screening", "lanyard-revalidation", "lanyard-call-audit")) {
            assertNotNull(spis.get(spi), spi + " is listed");
            ProviderRepresentation provider = spis.get(spi).getProviders().get("default");
            assertNotNull(provider, spi + " has its default provider");
            assertNotNull(provider.getOperationalInfo().get("lanyard-version"), spi);
        }
    }

    @Test
    void theEmailOtpStepIsListedWithAHelpTextAndEverySettingHasOne() {
        AuthenticatorConfigInfoRepresentation description = realm.admin().flows().getAuthenticatorConfigDescription("lanyard-email-otp");
        assertEquals("Lanyard Email OTP", description.getName());
        assertTrue(description.getHelpText().contains("one-time code"));
        List<ConfigPropertyRepresentation> properties = description.getProperties();
        assertEquals(List.of("codeLength", "lifetimeSeconds", "maxAttempts", "resendCooldownSeconds", "allowedDomains"),
                properties.stream().map(ConfigPropertyRepresentation::getName).toList());
        for (ConfigPropertyRepresentation property : properties) {
            assertFalse(property.getLabel() == null || property.getLabel().isBlank(), property.getName());
            assertTrue(property.getHelpText() != null && property.getHelpText().length() > 40, property.getName() + " help text");
        }
        assertEquals("6", properties.get(0).getDefaultValue());
        assertEquals(List.of("6", "7", "8", "9", "10"), properties.get(0).getOptions());
    }

    @Test
    void theTotpStepIsListedWithAHelpTextAndEverySettingHasOne() {
        AuthenticatorConfigInfoRepresentation description = realm.admin().flows().getAuthenticatorConfigDescription("lanyard-totp");
        assertEquals("Lanyard TOTP", description.getName());
        assertTrue(description.getHelpText().contains("authenticator app"));
        assertEquals(List.of("requireEnrollment", "setupLifetimeSeconds", "allowSeveralDevices"),
                description.getProperties().stream().map(ConfigPropertyRepresentation::getName).toList());
        for (ConfigPropertyRepresentation property : description.getProperties()) {
            assertFalse(property.getLabel() == null || property.getLabel().isBlank(), property.getName());
            assertTrue(property.getHelpText() != null && property.getHelpText().length() > 40, property.getName() + " help text");
        }
    }

    @Test
    void theDemoRealmSignsInWithEmailOtp() {
        assertEquals("lanyard browser", realm.admin().toRepresentation().getBrowserFlow());
        assertEquals(List.of("lanyard-email-otp", "lanyard-totp"), realm.admin().flows().getExecutions("lanyard browser forms").stream()
                .filter(e -> "REQUIRED".equals(e.getRequirement())).map(e -> e.getProviderId()).toList());
        assertEquals("lanyard", realm.admin().toRepresentation().getLoginTheme());
        assertEquals("lanyard", realm.admin().toRepresentation().getEmailTheme());
    }

    @Test
    void keycloakRunsOnPostgresqlWhereTheMachineHasIt() {
        Assumptions.assumeTrue("postgres".equals(SuiteEnvironment.database()),
                "PostgreSQL does not answer at 127.0.0.1:5432 on this machine: the suite runs on H2");
        Map<String, String> jpa = admin.serverInfo().getInfo().getProviders().get("connectionsJpa")
                .getProviders().values().iterator().next().getOperationalInfo();
        assertTrue(jpa.get("databaseProduct").startsWith("PostgreSQL"), jpa.toString());
        assertTrue(jpa.get("databaseUrl").endsWith("/" + SuiteEnvironment.DATABASE), jpa.toString());
    }
}
