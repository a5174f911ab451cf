package dev.lanyard.screening;

import java.time.Duration;

import org.keycloak.Config;

/**
 * Server-wide settings of screening, from the options of {@link DefaultScreeningProviderFactory}.
 *
 * @param listSource a directory or http(s) base URL with OFAC's sdn.csv and alt.csv; null disables screening
 * @param minScore   0 to 100: a best match at or above it is a POTENTIAL_MATCH
 */
public record ScreeningSettings(String listSource, Duration refresh, double minScore, Duration timeout) {

    static ScreeningSettings read(Config.Scope config) {
        String source = config.get("list-source");
        String score = config.get("min-score");
        double minScore;
        try {
            minScore = score == null || score.isBlank() ? Screener.DEFAULT_MIN_SCORE : Double.parseDouble(score.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("lanyard-screening min-score must be a number from 0 to 100, not " + score);
        }
        if (!(minScore > 0 && minScore <= 100)) {
            throw new IllegalArgumentException("lanyard-screening min-score must be above 0 and at most 100, not " + minScore);
        }
        return new ScreeningSettings(source == null || source.isBlank() ? null : source.trim(),
                Duration.ofHours(Math.max(1, config.getInt("refresh-hours", 24))), minScore,
                Duration.ofSeconds(Math.max(1, config.getInt("timeout-seconds", 30))));
    }
}
