package dev.lanyard.bench.simulations;

import static dev.lanyard.bench.BenchSettings.*;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;

import dev.lanyard.bench.Timings;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/** What every scenario shares: the server under load, no caching, the closed bounded injection. */
final class Scenarios {

    private Scenarios() {
    }

    static HttpProtocolBuilder protocol() {
        return http.baseUrl(baseUrl())
                .disableCaching()
                .disableWarmUp()
                .acceptHeader("application/json, text/html")
                .userAgentHeader("lanyard-bench");
    }

    /** Each virtual user repeats its scenario a fixed number of times; the whole run is also time-bounded. */
    static void setUp(Simulation.SetUp setUp) {
        setUp.protocols(protocol()).maxDuration(Duration.ofSeconds(maxSeconds()));
    }

    /** Runs {@code chain} and records its duration under {@code name} (a failure if any check failed). */
    static ChainBuilder timed(String name, ChainBuilder chain) {
        String start = "t0 " + name; // one key per name, so timed parts can nest
        return exec(session -> session.set(start, System.nanoTime()))
                .exec(chain)
                .exec(session -> {
                    Timings.record(name, session.getLong(start), System.nanoTime(), session.isFailed());
                    return session.markAsSucceeded();
                });
    }

    /** The bench site's client-credentials token, saved as {@code siteToken} for the seed's REST calls. */
    static ChainBuilder siteToken() {
        return exec(http("site token").post(tokenPath())
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", OTP_SITE)
                .formParam("client_secret", OTP_SITE_SECRET)
                .check(status().is(200), jsonPath("$.access_token").saveAs("siteToken")));
    }

    static String tokenPath() {
        return "/realms/" + REALM + "/protocol/openid-connect/token";
    }

    static io.gatling.javaapi.core.PopulationBuilder population(ScenarioBuilder scenario) {
        return scenario.injectOpen(atOnceUsers(concurrency()));
    }
}
