package dev.lanyard.mail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

import dev.lanyard.metrics.LanyardMetrics;
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
 * Lanyard's mails to a person (a code, an activation link, a notice), sent with the realm's email theme after
 * the request's transaction commits, on a Keycloak-managed executor.
 * <p>
 * After commit: a rolled-back request sends nothing, and a mailed code or link is always one the store has.
 * Off the request thread: a slow SMTP server does not slow the request, and the response time does not reveal
 * whether a mail was sent (whether the account exists). Secrets in the attributes live only in this closure.
 */
public final class MailAfterCommit {

    private static final Logger LOG = Logger.getLogger(MailAfterCommit.class);
    private static final String EXECUTOR = "lanyard-mail";

    /**
     * A mail: the subject's message key (its parameter {0} is the realm's display name, then {@code subjectParams}),
     * the template (html/ and text/ in the theme), the template's attributes, and what it is, for the log.
     */
    public record Message(String subjectKey, List<Object> subjectParams, String template, Map<String, Object> attributes, String what) {
    }

    /** One of Keycloak's own mails ({@code sendVerifyEmail}, {@code sendExecuteActions}), on the provider set up for the person. */
    @FunctionalInterface
    public interface KeycloakMail {
        void send(EmailTemplateProvider mail) throws EmailException;
    }

    private MailAfterCommit() {
    }

    public static void send(KeycloakSession session, RealmModel realm, UserModel user, Message message) {
        send(session, realm, user, message.what(), (mail, subjectRealm) -> {
            List<Object> subject = new ArrayList<>();
            subject.add(subjectRealm);
            subject.addAll(message.subjectParams());
            mail.send(message.subjectKey(), subject, message.template(), new HashMap<>(message.attributes()));
        });
    }

    /** Keycloak's own mail of the realm's email theme ({@code what} names it in the log). */
    public static void sendKeycloakMail(KeycloakSession session, RealmModel realm, UserModel user, String what, KeycloakMail mail) {
        send(session, realm, user, what, (provider, subjectRealm) -> mail.send(provider));
    }

    private interface Delivery {
        void send(EmailTemplateProvider mail, String realmDisplayName) throws EmailException;
    }

    private static void send(KeycloakSession session, RealmModel realm, UserModel user, String what, Delivery delivery) {
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        ExecutorService executor = session.getProvider(ExecutorsProvider.class).getExecutor(EXECUTOR);
        String realmId = realm.getId();
        String userId = user.getId();
        String languageTag = language(session, realm, user);

        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                long committed = System.nanoTime();
                executor.execute(() -> deliver(factory, realmId, userId, languageTag, what, delivery, committed));
            }

            @Override
            protected void rollbackImpl() {
                // Nothing was stored, so nothing is sent.
            }
        });
    }

    /** {@code committed}: when the request committed (System.nanoTime), for {@link LanyardMetrics#MAIL_DELIVERIES}. */
    private static void deliver(KeycloakSessionFactory factory, String realmId, String userId, String languageTag, String what,
                                Delivery delivery, long committed) {
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
                String realmDisplayName = realm.getDisplayName() != null && !realm.getDisplayName().isBlank()
                        ? realm.getDisplayName() : realm.getName();
                try {
                    delivery.send(session.getProvider(EmailTemplateProvider.class).setRealm(realm).setUser(user), realmDisplayName);
                    LanyardMetrics.mailDelivered(System.nanoTime() - committed, what, "sent");
                    LOG.debugf("Sent the %s mail to user %s in realm %s", what, userId, realm.getName());
                } catch (EmailException e) {
                    LanyardMetrics.mailDelivered(System.nanoTime() - committed, what, "failed");
                    // The exception names the SMTP problem, never the message body.
                    LOG.warnf("Could not send the %s mail to user %s in realm %s: %s", what, userId, realm.getName(),
                            rootMessage(e));
                }
            });
        } catch (RuntimeException e) {
            LOG.errorf("The %s mail job failed for user %s: %s", what, userId, rootMessage(e));
        }
    }

    /**
     * The language the person sees now (kc_locale, profile, browser), resolved while there is a request; from a
     * background job (a code sent once the legacy directory answers), their profile's or the realm's default.
     */
    private static String language(KeycloakSession session, RealmModel realm, UserModel user) {
        try {
            return session.getContext().resolveLocale(user).toLanguageTag();
        } catch (RuntimeException noRequest) {
            String own = user.getFirstAttribute(UserModel.LOCALE);
            return own != null ? own : realm.getDefaultLocale() != null ? realm.getDefaultLocale() : "en";
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
