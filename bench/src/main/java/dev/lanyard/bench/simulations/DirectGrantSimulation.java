package dev.lanyard.bench.simulations;

import static dev.lanyard.bench.BenchSettings.*;
import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/** Password sign-in through the token endpoint (resource owner password grant). */
public class DirectGrantSimulation extends Simulation {

    static final String NAME = "password sign-in (direct grant)";

    private final ScenarioBuilder scenario = scenario(NAME).repeat(signInsPerUser()).on(Scenarios.timed(NAME,
            exec(http(NAME).post(Scenarios.tokenPath())
                    .formParam("grant_type", "password")
                    .formParam("client_id", APP)
                    .formParam("client_secret", APP_SECRET)
                    .formParam("scope", "openid")
                    .formParam("username", session -> username(session.userId()))
                    .formParam("password", PASSWORD)
                    .check(status().is(200), jsonPath("$.access_token").exists()))));

    {
        Scenarios.setUp(setUp(Scenarios.population(scenario)));
    }
}
