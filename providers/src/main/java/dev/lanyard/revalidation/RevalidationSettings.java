package dev.lanyard.revalidation;

import java.time.Duration;

import org.keycloak.Config;

/**
 * Server-wide settings of revalidation, from the options of {@link DefaultRevalidationProviderFactory}.
 *
 * @param moeUrl  base URL of the MOE system; null if there is none (MOE revalidations are then refused)
 * @param timeout connect and read timeout of a MOE call
 */
record RevalidationSettings(String moeUrl, Duration timeout) {

    static RevalidationSettings read(Config.Scope config) {
        String moe = config.get("moe-url");
        return new RevalidationSettings(moe == null || moe.isBlank() ? null : moe.trim(),
                Duration.ofSeconds(Math.max(1, config.getInt("timeout-seconds", 30))));
    }
}
