package dev.lanyard.emailotp;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.locale.LocaleSelectorProvider;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Mails a code after the request's transaction commits, on a Keycloak-managed executor.
 * <p>
 * After commit: a rolled-back request sends nothing, and a mailed code is always one the store has.
 * Off the request thread: a slow SMTP server does not slow sign-in, and the response time does not
 * reveal whether a mail was sent (whether the account exists). The code lives only in this closure.
 */
final class EmailOtpMailer {

    static final String TEMPLATE = "lanyard-email-otp.ftl";
    static final String SUBJECT_KEY = "lanyardEmailOtpSubject";

    private static final Logger LOG = Logger.getLogger(EmailOtpMailer.class);
    private static final String EXECUTOR = "lanyard-email-otp";

    private EmailOtpMailer() {
    }

    static void sendAfterCommit(KeycloakSession session, RealmModel realm, UserModel user, String code, int lifetimeSeconds) {
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        ExecutorService executor = session.getProvider(ExecutorsProvider.class).getExecutor(EXECUTOR);
        String realmId = realm.getId();
        String userId = user.getId();
        // The language the person sees now (kc_locale, profile, browser), resolved while there is a request.
        String languageTag = session.getContext().resolveLocale(user).toLanguageTag();

        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                executor.execute(() -> deliver(factory, realmId, userId, code, lifetimeSeconds, languageTag));
            }

            @Override
            protected void rollbackImpl() {
                // Nothing was stored, so nothing is sent.
            }
        });
    }

    private static void deliver(KeycloakSessionFactory factory, String realmId, String userId, String code,
                                int lifetimeSeconds, String languageTag) {
        try {
            KeycloakModelUtils.runJobInTransaction(factory, session -> {
                RealmModel realm = session.realms().getRealm(realmId);
                if (realm == null) {
                    return;
                }
                session.getContext().setRealm(realm);
                UserModel user = session.users().getUserById(realm, userId);
                if (user == null) {
                    return;
                }
                session.setAttribute(LocaleSelectorProvider.USER_REQUEST_LOCALE, languageTag);

                Map<String, Object> attributes = new HashMap<>();
                attributes.put("code", code);
                attributes.put("ttlMinutes", Math.max(1, (lifetimeSeconds + 59) / 60));
                String realmDisplayName = realm.getDisplayName() != null && !realm.getDisplayName().isBlank()
                        ? realm.getDisplayName() : realm.getName();
                try {
                    session.getProvider(EmailTemplateProvider.class)
                            .setRealm(realm)
                            .setUser(user)
                            .send(SUBJECT_KEY, List.of(realmDisplayName), TEMPLATE, attributes);
                    LOG.debugf("Sent the sign-in mail to user %s in realm %s", userId, realm.getName());
                } catch (EmailException e) {
                    // The exception names the SMTP problem, never the message body.
                    LOG.warnf("Could not send the sign-in mail to user %s in realm %s: %s", userId, realm.getName(), rootMessage(e));
                }
            });
        } catch (RuntimeException e) {
            LOG.errorf("Sign-in mail job failed for user %s: %s", userId, rootMessage(e));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
