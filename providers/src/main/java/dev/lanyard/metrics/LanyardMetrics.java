package dev.lanyard.metrics;

import java.time.Duration;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;

/**
 * Lanyard's counters and timers on Micrometer's global registry, where Keycloak's own event metrics are (scraped at
 * {@code :9000/metrics} when the server is built with {@code metrics-enabled}). Names start {@code lanyard.}, exported as
 * {@code lanyard_..._total} and {@code lanyard_..._seconds}; tags are bounded (realm, outcome, purpose, status), never
 * a person's data. A request's meter moves once its transaction commits, so a rolled-back request counts nothing. The
 * registry keeps the meters; this class keeps nothing.
 */
public final class LanyardMetrics {

    /** Email codes by {@code purpose} (sign-in, password-reset) and {@code outcome} (sent, verified, failed). */
    public static final String EMAIL_CODES = "lanyard.email.codes";
    /** Site logins over REST by {@code method} (otp, password) and {@code outcome}. */
    public static final String SITE_LOGINS = "lanyard.site.logins";
    /** Sanctions screenings by {@code status}; a timer, so its count is the number of screenings. */
    public static final String SCREENINGS = "lanyard.screenings";
    /** Bulk-migration records by {@code state} (SUCCESS, CONFLICT, FAILED, ...). */
    public static final String MIGRATION_RECORDS = "lanyard.migration.records";
    /** Calls to the legacy auth service by {@code call} (lookup, password-check) and {@code outcome} (answered, not-found, refused, outage); a timer. */
    public static final String LEGACY_CALLS = "lanyard.legacy.calls";
    /** Batch-revalidation items by {@code state} (DONE, FAILED) and {@code result} (CLEAR, SYNCED, ...). */
    public static final String REVALIDATIONS = "lanyard.revalidations";
    /**
     * Mails to people by {@code mail} (what it is: code, activation, notice, ...) and {@code outcome} (sent, failed): the
     * time from the request's commit until the SMTP server took the mail; a timer with buckets, so a dashboard can
     * show how many codes took longer than a person waits.
     */
    public static final String MAIL_DELIVERIES = "lanyard.mail.deliveries";
    /** The buckets of {@link #MAIL_DELIVERIES}. */
    private static final Duration[] MAIL_BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private LanyardMetrics() {
    }

    /** Counts one once the session's transaction commits; tags are key/value pairs. */
    public static void countAfterCommit(KeycloakSession session, String name, String... tags) {
        afterCommit(session, () -> count(name, 1, tags));
    }

    /** Records a duration once the session's transaction commits. */
    public static void timeAfterCommit(KeycloakSession session, String name, long nanos, String... tags) {
        afterCommit(session, () -> time(name, nanos, tags));
    }

    /** Counts now: for work whose transaction has committed already (background workers). */
    public static void count(String name, double amount, String... tags) {
        Metrics.counter(name, Tags.of(tags)).increment(amount);
    }

    public static void time(String name, long nanos, String... tags) {
        Metrics.timer(name, Tags.of(tags)).record(Duration.ofNanos(nanos));
    }

    /** A mail's delivery time ({@link #MAIL_DELIVERIES}), in its buckets. */
    public static void mailDelivered(long nanos, String mail, String outcome) {
        Timer.builder(MAIL_DELIVERIES).tags("mail", mail, "outcome", outcome).serviceLevelObjectives(MAIL_BUCKETS)
                .register(Metrics.globalRegistry).record(Duration.ofNanos(nanos));
    }

    private static void afterCommit(KeycloakSession session, Runnable meter) {
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                meter.run();
            }

            @Override
            protected void rollbackImpl() {
                // a rolled-back request counts nothing
            }
        });
    }
}
