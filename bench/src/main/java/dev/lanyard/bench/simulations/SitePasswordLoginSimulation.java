package dev.lanyard.bench.simulations;

import static dev.lanyard.bench.BenchSettings.*;
import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * Password sign-in over REST as a site does it (seed 000 {@code POST /user/site/{siteId}/login}): the site's
 * client-credentials token once, then username and password for the site's OIDC tokens. Lanyard only; compared
 * with stock's password sign-in through the token endpoint.
 */
public class SitePasswordLoginSimulation extends Simulation {

    public static final String NAME = "site password sign-in (REST, seed 000)";

    private final ScenarioBuilder scenario = scenario(NAME)
            .exec(Scenarios.siteToken())
            .repeat(signInsPerUser()).on(Scenarios.timed(NAME,
                    exec(http(NAME).post("/realms/" + REALM + "/user/site/" + OTP_SITE + "/login")
                            .header("Authorization", "Bearer #{siteToken}")
                            .body(StringBody(session -> "{\"username\":\"" + username(session.userId()) + "\",\"password\":\""
                                    + PASSWORD + "\"}"))
                            .asJson()
                            .check(status().is(200), jsonPath("$.access_token").exists()))));

    {
        Scenarios.setUp(setUp(Scenarios.population(scenario)));
    }
}
