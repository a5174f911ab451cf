package dev.lanyard.testing;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lanyard.testing.Api.Reply;

/** The account lifecycle over REST, as a site integrates it: register, activate, sign in with a password. */
public final class Accounts {

    public static final String USER = Api.realmUrl(DemoRealm.NAME) + "/user";
    /** Satisfies the demo realm's password policy (length 8, a digit, not the username or email). */
    public static final String PASSWORD = "Lanyard-pass-2026";
    private static final Pattern LINK = Pattern.compile("(http[^\\s\"<>]+/login-actions/action-token\\?[^\\s\"<>]+)");

    /** A registered person: their address, the userId the registration answered. */
    public record Registered(String email, String userId) {
    }

    private Accounts() {
    }

    public static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@lanyard.test";
    }

    public static Reply register(String siteToken, String email, String password, String firstName, String lastName, String locale) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", email);
        body.put("password", password.equals(email) ? password : Secrets.record(password)); // an address is no secret
        body.put("firstName", firstName);
        body.put("lastName", lastName);
        body.put("siteId", DemoRealm.SITE);
        if (locale != null) {
            body.put("locale", locale);
        }
        return Api.postJson(USER + "/registration", siteToken, Api.json(body));
    }

    /** Registers a person with {@link #PASSWORD} and asserts it worked. */
    public static Registered register(String siteToken, String prefix) {
        String email = uniqueEmail(prefix);
        Reply reply = register(siteToken, email, PASSWORD, prefix.substring(0, 1).toUpperCase() + prefix.substring(1), "Tester", null);
        if (reply.status() != 201) {
            throw new AssertionError("registration answered " + reply.status() + ": " + reply.body());
        }
        return new Registered(email, reply.json().get("userId").asText());
    }

    /** The activation link of the {@code n}-th mail to {@code email}; its token is recorded as a secret. */
    public static String activationLink(Mailbox mailbox, String email, int n) {
        MimeMessage mail = mailbox.awaitMessage(email, n);
        try {
            Matcher link = LINK.matcher(MailText.plainText(mail));
            if (!link.find()) {
                throw new AssertionError("No activation link in the mail");
            }
            String url = link.group(1);
            Secrets.record(tokenOf(url));
            return url;
        } catch (jakarta.mail.MessagingException | java.io.IOException e) {
            throw new AssertionError("Unreadable mail", e);
        }
    }

    /** The {@code key} parameter of an action-token link. */
    public static String tokenOf(String link) {
        for (String parameter : URI.create(link).getRawQuery().split("&")) {
            if (parameter.startsWith("key=")) {
                return URLDecoder.decode(parameter.substring(4), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("No key in " + link);
    }

    public static Reply activate(String siteToken, String userId, String token) {
        return Api.postJson(USER + "/activate-token/" + userId, siteToken, Api.json(Map.of("token", token)));
    }

    /** Registers and activates a person; the tokens of the registration mail are spent. */
    public static Registered active(String siteToken, Mailbox mailbox, String prefix) {
        Registered person = register(siteToken, prefix);
        Reply activated = activate(siteToken, person.userId(), tokenOf(activationLink(mailbox, person.email(), 1)));
        if (activated.status() != 200) {
            throw new AssertionError("activation answered " + activated.status() + ": " + activated.body());
        }
        return person;
    }

    /** {@code POST /user/site/{siteId}/login} with one identifier field ({@code username}, {@code email} or {@code alias}). */
    public static Reply passwordLogin(String siteToken, String siteId, String field, String identifier, String password) {
        return Api.postJson(USER + "/site/" + siteId + "/login", siteToken,
                Api.json(Map.of(field, identifier, "password", password)));
    }

    /** Signs in with email and password and returns the tokens, recorded as secrets. */
    public static JsonNode signIn(String siteToken, String email, String password) {
        Reply login = passwordLogin(siteToken, DemoRealm.SITE, "email", email, password);
        if (login.status() != 200) {
            throw new AssertionError("password login answered " + login.status() + ": " + login.body());
        }
        JsonNode tokens = login.json();
        Secrets.record(tokens.get("access_token").asText());
        Secrets.record(tokens.get("refresh_token").asText());
        return tokens;
    }

    public static Reply userinfo(String accessToken) {
        return Api.get(Api.realmUrl(DemoRealm.NAME) + "/protocol/openid-connect/userinfo", accessToken);
    }

    public static Reply refresh(String siteId, String secret, String refreshToken) {
        return Api.form(Api.realmUrl(DemoRealm.NAME) + "/protocol/openid-connect/token", Map.of("grant_type", "refresh_token",
                "client_id", siteId, "client_secret", secret, "refresh_token", refreshToken));
    }
}
