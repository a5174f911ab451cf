package dev.lanyard.migration;

import static dev.lanyard.migration.LegacySettings.*;

import java.util.List;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The federation's settings on the admin console's User Federation page, with their help texts. */
final class LegacyConfigProperties {

    static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property()
                .name(BASE_URL)
                .label("Legacy base URL")
                .helpText("Where the legacy auth service answers, e.g. https://legacy.example.com. Lanyard calls"
                        + " {base}/auth/admin/client/person/{username} to find a person and {base}/auth/api/validate/password"
                        + " to check a password.")
                .type(ProviderConfigProperty.STRING_TYPE)
                .required(true)
                .add()
            .property()
                .name(AUTH_TYPE)
                .label("Authentication to legacy")
                .helpText("How Lanyard proves itself to the legacy service: none; basic (user name and password); bearer"
                        + " (a fixed token in 'Secret'); client-credentials (a token fetched from the token URL with the"
                        + " client ID and secret on every call).")
                .type(ProviderConfigProperty.LIST_TYPE)
                .options("none", "basic", "bearer", "client-credentials")
                .defaultValue("none")
                .add()
            .property()
                .name(AUTH_USER)
                .label("User name or client ID")
                .helpText("The user name for basic authentication, or the client ID for client credentials.")
                .type(ProviderConfigProperty.STRING_TYPE)
                .add()
            .property()
                .name(AUTH_SECRET)
                .label("Secret")
                .helpText("The password (basic), the token (bearer) or the client secret (client credentials). Stored as a"
                        + " secret: the admin console never shows it again.")
                .type(ProviderConfigProperty.PASSWORD)
                .secret(true)
                .add()
            .property()
                .name(TOKEN_URL)
                .label("Token URL")
                .helpText("Client credentials only: the OAuth token endpoint that issues tokens for the legacy service.")
                .type(ProviderConfigProperty.STRING_TYPE)
                .add()
            .property()
                .name(TENANT_NAME)
                .label("Tenant name")
                .helpText("Sent as the tenantName header on every call, as seed 003 expects. Leave empty if the legacy"
                        + " service has one tenant.")
                .type(ProviderConfigProperty.STRING_TYPE)
                .add()
            .property()
                .name(CONNECT_TIMEOUT)
                .label("Connect timeout (ms)")
                .helpText("How long to wait for a connection to legacy, in milliseconds (100 to 30000). Short keeps sign-ins"
                        + " responsive when legacy is down.")
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(Integer.toString(DEFAULT_CONNECT_TIMEOUT))
                .add()
            .property()
                .name(READ_TIMEOUT)
                .label("Read timeout (ms)")
                .helpText("How long to wait for legacy's answer once connected, in milliseconds (100 to 30000).")
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(Integer.toString(DEFAULT_READ_TIMEOUT))
                .add()
            .property()
                .name(OUTAGE_COOLDOWN)
                .label("Outage cooldown (seconds)")
                .helpText("After a failed call, no node calls legacy for this long (0 to 600 seconds): sign-ins of people not"
                        + " yet migrated get 'temporarily unavailable' at once instead of each waiting for a timeout, and a"
                        + " struggling legacy service gets no retry storm. 0 calls legacy every time.")
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(Integer.toString(DEFAULT_OUTAGE_COOLDOWN))
                .add()
            .property()
                .name(ROLE_MAPPING)
                .label("Role mapping")
                .helpText("Lines LEGACY_ROLE=keycloak-role: the realm role granted for each legacy role. A legacy role without a"
                        + " line is granted as the realm role of the same name if the realm has one, otherwise not at all."
                        + " Status is mapped fixed: ACTIVE signs in; INACTIVE signs in and must choose a new password; LOCKED"
                        + " (and any unknown status) is imported disabled.")
                .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE)
                .add()
            .property()
                .name(IMPORT_AND_UNLINK)
                .label("Import and unlink after first sign-in")
                .helpText("On: the first successful sign-in stores the password hashed by the realm's policy and unlinks the"
                        + " user, so later sign-ins never call legacy and this federation can be removed once everyone has"
                        + " moved. Off: users stay linked and every password sign-in is checked by legacy.")
                .type(ProviderConfigProperty.BOOLEAN_TYPE)
                .defaultValue("true")
                .add()
            .build();

    private LegacyConfigProperties() {
    }
}
