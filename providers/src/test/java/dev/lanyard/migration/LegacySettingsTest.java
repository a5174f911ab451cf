package dev.lanyard.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LegacySettingsTest {

    private static Map<String, List<String>> config(String... pairs) {
        Map<String, List<String>> config = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            config.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        return config;
    }

    @Test
    void defaultsAreShortTimeoutsNoAuthAndImportWithUnlink() {
        LegacySettings settings = LegacySettings.from(config(LegacySettings.BASE_URL, "http://legacy.test:8080/"));
        assertEquals(LegacySettings.LegacyAuth.NONE, settings.auth());
        assertEquals(2000, settings.connectTimeoutMillis());
        assertEquals(3000, settings.readTimeoutMillis());
        assertEquals(30, settings.outageCooldownSeconds());
        assertTrue(settings.importAndUnlink());
        assertEquals("http://legacy.test:8080/auth/api/validate/password", settings.resolve("/auth/api/validate/password").toString());
    }

    @Test
    void badSettingsAreRefusedWithWhatIsWrong() {
        assertEquals("Legacy base URL is required", assertThrows(IllegalArgumentException.class, () -> LegacySettings.from(config())).getMessage());
        assertThrows(IllegalArgumentException.class, () -> LegacySettings.from(config(LegacySettings.BASE_URL, "ftp://legacy.test")));
        assertThrows(IllegalArgumentException.class, () -> LegacySettings.from(config(LegacySettings.BASE_URL, "http://legacy.test",
                LegacySettings.AUTH_TYPE, "basic", LegacySettings.AUTH_USER, "svc")));
        assertThrows(IllegalArgumentException.class, () -> LegacySettings.from(config(LegacySettings.BASE_URL, "http://legacy.test",
                LegacySettings.AUTH_TYPE, "client-credentials", LegacySettings.AUTH_USER, "svc", LegacySettings.AUTH_SECRET, "s")));
        assertThrows(IllegalArgumentException.class, () -> LegacySettings.from(config(LegacySettings.BASE_URL, "http://legacy.test",
                LegacySettings.AUTH_TYPE, "kerberos")));
        IllegalArgumentException mapping = assertThrows(IllegalArgumentException.class, () -> LegacySettings.from(config(
                LegacySettings.BASE_URL, "http://legacy.test", LegacySettings.ROLE_MAPPING, "CONSUMER")));
        assertTrue(mapping.getMessage().contains("LEGACY_ROLE=keycloak-role"));
    }

    @Test
    void theSecretNeverShowsInTheSettingsText() {
        LegacySettings settings = LegacySettings.from(config(LegacySettings.BASE_URL, "http://legacy.test",
                LegacySettings.AUTH_TYPE, "bearer", LegacySettings.AUTH_SECRET, "s3cr3t-token"));
        assertFalse(settings.toString().contains("s3cr3t-token"));
    }

    @Test
    void rolesMapByLineOrByTheirOwnName() {
        LegacySettings settings = LegacySettings.from(config(LegacySettings.BASE_URL, "http://legacy.test",
                LegacySettings.ROLE_MAPPING, "consumer = cardholder", LegacySettings.ROLE_MAPPING, ""));
        assertEquals("cardholder", settings.realmRoleFor("CONSUMER"));
        assertEquals("ADMIN", settings.realmRoleFor("ADMIN"));
    }

    @Test
    void timeoutsAreClampedIntoTheirRange() {
        LegacySettings settings = LegacySettings.from(config(LegacySettings.BASE_URL, "http://legacy.test",
                LegacySettings.CONNECT_TIMEOUT, "5", LegacySettings.READ_TIMEOUT, "999999", LegacySettings.IMPORT_AND_UNLINK, "false"));
        assertEquals(100, settings.connectTimeoutMillis());
        assertEquals(30_000, settings.readTimeoutMillis());
        assertFalse(settings.importAndUnlink());
    }
}
