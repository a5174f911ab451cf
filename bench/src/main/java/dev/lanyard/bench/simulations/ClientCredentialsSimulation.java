package dev.lanyard.bench.simulations;

import static dev.lanyard.bench.BenchSettings.*;
import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/** A partner's client-credentials grant. */
public class ClientCredentialsSimulation extends Simulation {

    static final String NAME = "client-credentials grant";

    private final ScenarioBuilder scenario = scenario(NAME).repeat(grantsPerUser()).on(Scenarios.timed(NAME,
            exec(http(NAME).post(Scenarios.tokenPath())
                    .formParam("grant_type", "client_credentials")
                    .formParam("client_id", SERVICE)
                    .formParam("client_secret", SERVICE_SECRET)
                    .check(status().is(200), jsonPath("$.access_token").exists()))));

    {
        Scenarios.setUp(setUp(Scenarios.population(scenario)));
    }
}
