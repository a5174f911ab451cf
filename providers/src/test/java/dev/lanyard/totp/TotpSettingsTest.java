package dev.lanyard.totp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class TotpSettingsTest {

    @Test
    void defaults() {
        TotpSettings settings = TotpSettings.defaults();
        assertFalse(settings.requireEnrollment());
        assertEquals(600, settings.setupLifetimeSeconds());
        assertFalse(settings.allowSeveralDevices());
    }

    @Test
    void readsAndClamps() {
        TotpSettings settings = TotpSettings.from(Map.of(
                TotpSettings.REQUIRE_ENROLLMENT, "true",
                TotpSettings.SETUP_LIFETIME_SECONDS, "5",
                TotpSettings.ALLOW_SEVERAL_DEVICES, "TRUE"));
        assertTrue(settings.requireEnrollment());
        assertEquals(60, settings.setupLifetimeSeconds());
        assertTrue(settings.allowSeveralDevices());
        assertEquals(3600, TotpSettings.from(Map.of(TotpSettings.SETUP_LIFETIME_SECONDS, "999999")).setupLifetimeSeconds());
        assertEquals(600, TotpSettings.from(Map.of(TotpSettings.SETUP_LIFETIME_SECONDS, "ten")).setupLifetimeSeconds());
    }

    @Test
    void everySettingIsDeclaredWithAHelpText() {
        assertEquals(3, TotpSettingsProperties.PROPERTIES.size());
        TotpSettingsProperties.PROPERTIES.forEach(p -> assertTrue(p.getHelpText().length() > 40, p.getName()));
    }
}
