package dev.lanyard.emailotp;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.keycloak.common.util.Time;

/** Keycloak's own notion of now, which honours its time offset (used by tests to move time). */
final class KeycloakClock extends Clock {

    static final KeycloakClock INSTANCE = new KeycloakClock();

    private KeycloakClock() {
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("Keycloak time is UTC");
    }

    @Override
    public long millis() {
        return Time.currentTimeMillis();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }
}
