package dev.lanyard.testing;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lanyard.testing.Api.Reply;
import dev.lanyard.testing.TestUsers.TestUser;

/** The seed 000 passwordless REST calls, as a site makes them. */
public final class Passwordless {

    public static final String SEND = Api.realmUrl(DemoRealm.NAME) + "/user/pwless-login-send-otp";

    private Passwordless() {
    }

    public static String loginUrl(String siteId) {
        return Api.realmUrl(DemoRealm.NAME) + "/user/site/" + siteId + "/login/pwless-otp";
    }

    public static String siteToken() {
        return Api.clientToken(DemoRealm.NAME, DemoRealm.SITE, DemoRealm.SITE_SECRET);
    }

    public static Reply send(String token, String email, String siteId) {
        return Api.postJson(SEND, token, Api.json(Map.of("email", email, "siteId", siteId)));
    }

    public static Reply login(String token, String siteId, String email, String otp) {
        return login(token, siteId, email, otp, null);
    }

    public static Reply login(String token, String siteId, String email, String otp, String totp) {
        Map<String, String> body = new HashMap<>(Map.of("email", email, "otp", otp));
        if (totp != null) {
            body.put("totp", totp);
        }
        return Api.postJson(loginUrl(siteId), token, Api.json(body));
    }

    /** Mails a new code to {@code user} for {@code siteId} and returns it. */
    public static String mailedCode(Mailbox mailbox, TestUser user, String siteToken, String siteId) {
        int before = mailbox.messagesTo(user.email()).size();
        Reply sent = send(siteToken, user.email(), siteId);
        if (sent.status() != 202) {
            throw new AssertionError("send-otp answered " + sent.status() + ": " + sent.body());
        }
        return mailbox.awaitCode(user.email(), before + 1);
    }

    /** Signs {@code user} in to the demo site over REST and returns the token response. */
    public static JsonNode signIn(Mailbox mailbox, TestUser user) {
        String token = siteToken();
        Reply login = login(token, DemoRealm.SITE, user.email(), mailedCode(mailbox, user, token, DemoRealm.SITE));
        if (login.status() != 200) {
            throw new AssertionError("pwless login answered " + login.status() + ": " + login.body());
        }
        JsonNode tokens = login.json();
        Secrets.record(tokens.get("access_token").asText());
        Secrets.record(tokens.get("refresh_token").asText());
        Secrets.record(tokens.get("id_token").asText());
        return tokens;
    }
}
