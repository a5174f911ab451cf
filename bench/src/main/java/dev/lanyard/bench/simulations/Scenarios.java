package dev.lanyard.bench.simulations;

import static dev.lanyard.bench.BenchSettings.*;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.http.HttpDsl.http;

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

    static String tokenPath() {
        return "/realms/" + REALM + "/protocol/openid-connect/token";
    }

    static io.gatling.javaapi.core.PopulationBuilder population(ScenarioBuilder scenario) {
        return scenario.injectOpen(atOnceUsers(concurrency()));
    }
}
