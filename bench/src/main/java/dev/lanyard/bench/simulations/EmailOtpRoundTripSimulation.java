package dev.lanyard.bench.simulations;

import static dev.lanyard.bench.BenchSettings.*;
import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import java.time.Duration;

import dev.lanyard.bench.MailSink;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;

/**
 * Passwordless sign-in over REST as a site does it: send a code, read it from the mail (a local SMTP
 * sink), exchange it for tokens. The round trip includes the mail's delivery.
 */
public class EmailOtpRoundTripSimulation extends Simulation {

    static final String NAME = "email OTP round trip (send + mail + verify)";
    /** The round trip's three parts, timed on their own to see which makes the tail. */
    static final String SEND = "email OTP part: send answered";
    static final String MAIL = "email OTP part: mail in the sink (after the send's answer)";
    static final String VERIFY = "email OTP part: verify answered";
    public static final java.util.List<String> PARTS = java.util.List.of(SEND, MAIL, VERIFY);

    private final ScenarioBuilder scenario = scenario(NAME)
            .exec(Scenarios.siteToken())
            .repeat(signInsPerUser()).on(
                    exec(session -> session.set("mailed", MailSink.count(email(session.userId()))).remove("code"))
                    .exec(Scenarios.timed(NAME, group(NAME).on(
                            exec(Scenarios.timed(SEND, exec(http("send code").post("/realms/" + REALM + "/user/pwless-login-send-otp")
                                    .header("Authorization", "Bearer #{siteToken}")
                                    .body(StringBody(session -> "{\"email\":\"" + email(session.userId()) + "\",\"siteId\":\"" + OTP_SITE + "\"}"))
                                    .asJson()
                                    .check(status().is(202)))))
                            .exec(Scenarios.timed(MAIL, asLongAs(session -> !session.contains("code")).on(
                                    pause(Duration.ofMillis(5)).exec(EmailOtpRoundTripSimulation::readCode))))
                            .exec(Scenarios.timed(VERIFY, exec(http("verify code").post("/realms/" + REALM + "/user/site/" + OTP_SITE + "/login/pwless-otp")
                                    .header("Authorization", "Bearer #{siteToken}")
                                    .body(StringBody(session -> "{\"email\":\"" + email(session.userId()) + "\",\"otp\":\""
                                            + session.getString("code") + "\"}"))
                                    .asJson()
                                    .check(status().is(200), jsonPath("$.access_token").exists()))))))));

    {
        Scenarios.setUp(setUp(Scenarios.population(scenario)));
    }

    /** Takes the code once the next mail to this user has arrived; never blocks Gatling's threads. */
    private static Session readCode(Session session) {
        String address = email(session.userId());
        int expected = session.getInt("mailed") + 1;
        if (MailSink.count(address) < expected) {
            return session;
        }
        try {
            return session.set("code", MailSink.awaitCode(address, expected, 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return session.markAsFailed();
        }
    }
}
