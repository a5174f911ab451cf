package dev.lanyard.bench;

/**
 * The load of each scenario, from system properties (-Dlanyard.bench.users=8 ...) with defaults that
 * finish in a few minutes on a 2-core machine. Every scenario is bounded by a count and a time.
 */
public final class BenchSettings {

    public static final String REALM = "bench";
    public static final String PASSWORD = "bench-Passw0rd!";
    public static final String APP = "bench-app";
    public static final String APP_SECRET = "bench-app-secret";
    public static final String SERVICE = "bench-service";
    public static final String SERVICE_SECRET = "bench-service-secret";
    public static final String OTP_SITE = "bench-otp-site";
    public static final String OTP_SITE_SECRET = "bench-otp-site-secret";
    public static final String CALLBACK_PATH = "/bench-callback";

    private BenchSettings() {
    }

    /** Virtual users running each scenario at once. */
    public static int concurrency() {
        return Integer.getInteger("lanyard.bench.concurrency", 4);
    }

    /** Sign-ins (or OTP round trips) each virtual user makes. */
    public static int signInsPerUser() {
        return Integer.getInteger("lanyard.bench.signins", 40);
    }

    /** Client-credentials grants each virtual user makes. */
    public static int grantsPerUser() {
        return Integer.getInteger("lanyard.bench.grants", 400);
    }

    /** Upper bound of one scenario, whatever the counts. */
    public static int maxSeconds() {
        return Integer.getInteger("lanyard.bench.max-seconds", 180);
    }

    /** The server under load (set by the orchestrator for each run). */
    public static String baseUrl() {
        return System.getProperty("lanyard.bench.base-url", "http://127.0.0.1:8081");
    }

    public static String realmUrl() {
        return baseUrl() + "/realms/" + REALM;
    }

    /** User {@code i} of the bench realm; virtual user n uses user n, so no two share a session or a code. */
    public static String username(long i) {
        return "bench-user-" + i;
    }

    public static String email(long i) {
        return username(i) + "@bench.test";
    }
}
