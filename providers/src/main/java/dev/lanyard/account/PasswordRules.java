package dev.lanyard.account;

import java.io.IOException;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import dev.lanyard.rest.ApiError;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PolicyError;
import org.keycloak.theme.Theme;

/**
 * The realm's password policy, asked rule by rule so that a refusal names every rule a password breaks
 * (Keycloak's own check stops at the first), each with Keycloak's message in the person's language.
 */
public final class PasswordRules {

    public static final String PASSWORD_POLICY = "PASSWORD_POLICY";

    /** One broken rule: the policy's id as the admin console names it ({@code length}, {@code digits}, {@code passwordHistory}...). */
    public record Violation(String rule, String message) {
    }

    private PasswordRules() {
    }

    /** The rules {@code password} breaks for {@code user}; empty when the policy takes it. */
    public static List<Violation> check(KeycloakSession session, RealmModel realm, UserModel user, String password, Locale locale) {
        List<Violation> broken = new ArrayList<>();
        Properties messages = messages(session, realm, locale);
        for (String rule : realm.getPasswordPolicy().getPolicies()) {
            PasswordPolicyProvider provider = session.getProvider(PasswordPolicyProvider.class, rule);
            PolicyError error = provider == null ? null : provider.validate(realm, user, password);
            if (error != null) {
                String text = messages.getProperty(error.getMessage(), error.getMessage());
                broken.add(new Violation(rule, new MessageFormat(text, locale).format(error.getParameters())));
            }
        }
        return broken;
    }

    /** Passes, or refuses with 400 {@value #PASSWORD_POLICY}, the broken rules in {@code violations}; nothing is shown of the password. */
    public static void require(KeycloakSession session, RealmModel realm, UserModel user, String password, Locale locale) {
        List<Violation> broken = check(session, realm, user, password, locale);
        if (broken.isEmpty()) {
            return;
        }
        List<Map<String, String>> violations = new ArrayList<>();
        for (Violation violation : broken) {
            Map<String, String> view = new LinkedHashMap<>();
            view.put("rule", violation.rule());
            view.put("message", violation.message());
            violations.add(view);
        }
        throw ApiError.badRequest(PASSWORD_POLICY, String.join(" ", broken.stream().map(Violation::message).toList()))
                .withDetail("violations", violations);
    }

    private static Properties messages(KeycloakSession session, RealmModel realm, Locale locale) {
        try {
            return session.theme().getTheme(Theme.Type.LOGIN).getEnhancedMessages(realm, locale);
        } catch (IOException e) {
            return new Properties();
        }
    }
}
