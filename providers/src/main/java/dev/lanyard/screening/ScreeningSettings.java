package dev.lanyard.screening;

import java.time.Duration;

/**
 * Server-wide settings of screening, from the {@code lanyard-screening} event listener's options
 * ({@code --spi-events-listener--lanyard-screening--<name>}); see {@link ScreeningEventListenerFactory}.
 *
 * @param listSource a directory or http(s) base URL with OFAC's sdn.csv and alt.csv; null disables screening
 * @param minScore   0 to 100: a best match at or above it is a POTENTIAL_MATCH
 * @param moeUrl     base URL of the MOE system for revalidation; null if there is none
 */
public record ScreeningSettings(String listSource, Duration refresh, double minScore, Duration timeout, String moeUrl) {
}
