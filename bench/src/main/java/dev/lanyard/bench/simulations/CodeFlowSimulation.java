package dev.lanyard.bench.simulations;

import static dev.lanyard.bench.BenchSettings.*;
import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import java.net.URI;
import java.util.Arrays;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/** Password sign-in as a browser does it: login page, credentials, redirect with a code, code for tokens. */
public class CodeFlowSimulation extends Simulation {

    static final String NAME = "password sign-in (code flow)";

    /** Per run (an instance field): the stock and Lanyard runs use different ports in one JVM. */
    private final String redirect = baseUrl() + CALLBACK_PATH;

    private final ScenarioBuilder scenario = scenario(NAME).repeat(signInsPerUser()).on(
            exec(flushCookieJar()).exec(Scenarios.timed(NAME, group(NAME).on(
                    exec(http("login page").get("/realms/" + REALM + "/protocol/openid-connect/auth")
                            .queryParam("client_id", APP).queryParam("response_type", "code").queryParam("scope", "openid")
                            .queryParam("redirect_uri", redirect).queryParam("state", "bench")
                            .check(status().is(200), css("#kc-form-login", "action").transform(a -> a.replace("&amp;", "&")).saveAs("action")))
                    .exec(http("submit credentials").post("#{action}")
                            .formParam("username", session -> username(session.userId()))
                            .formParam("password", PASSWORD)
                            .formParam("credentialId", "")
                            .disableFollowRedirect()
                            .check(status().is(302), header("Location").transform(CodeFlowSimulation::code).saveAs("code")))
                    .exec(http("code to tokens").post(Scenarios.tokenPath())
                            .formParam("grant_type", "authorization_code")
                            .formParam("code", "#{code}")
                            .formParam("redirect_uri", redirect)
                            .formParam("client_id", APP)
                            .formParam("client_secret", APP_SECRET)
                            .check(status().is(200), jsonPath("$.id_token").exists()))))));

    {
        Scenarios.setUp(setUp(Scenarios.population(scenario)));
    }

    private static String code(String location) {
        return Arrays.stream(URI.create(location).getRawQuery().split("&"))
                .filter(p -> p.startsWith("code=")).map(p -> p.substring(5)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No code in " + location));
    }
}
