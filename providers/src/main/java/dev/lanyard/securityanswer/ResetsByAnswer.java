package dev.lanyard.securityanswer;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.lanyard.account.BruteForce;
import dev.lanyard.account.HashedCredentials;
import dev.lanyard.entitlement.Entitlements;
import dev.lanyard.mail.MailAfterCommit;
import dev.lanyard.person.SeedPersons;
import dev.lanyard.pin.PinCredentialProvider;
import dev.lanyard.pin.PinLockout;
import dev.lanyard.pin.PinPolicy;
import dev.lanyard.pin.PinRequiredActionFactory;
import dev.lanyard.rest.ApiError;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;

/**
 * A reset by security answer, as the person's apps ({@code /auth/api/reset/...}) and the tenant's admins
 * ({@code /auth/admin/client/person/{uuid}/reset...}) ask for it: the realm must have it switched on, the answer must be
 * right, and then a temporary password or PIN is mailed, never returned. Every wrong case (no such person, a question
 * never answered, a locked, disabled or closed person, a wrong answer) gets one answer after one hash run.
 */
public final class ResetsByAnswer {

    public static final String ANSWER_NOT_ACCEPTED = "ANSWER_NOT_ACCEPTED";
    public static final String RESET_BY_ANSWER_OFF = "RESET_BY_ANSWER_OFF";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a reset renews, and the entitlement the person must hold to receive it. */
    public enum Secret {
        PASSWORD(Entitlements.GET_TEMPORARY_PASSWORD), PIN(Entitlements.GET_TEMPORARY_PIN);

        private final String entitlement;

        Secret(String entitlement) {
            this.entitlement = entitlement;
        }
    }

    private final KeycloakSession session;
    private final RealmModel realm;

    public ResetsByAnswer(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** 403 {@value #RESET_BY_ANSWER_OFF} unless the realm switched resets by answer on. */
    public void requireSwitchedOn() {
        if (!SecurityQuestions.of(realm).resetByAnswer()) {
            throw ApiError.forbidden(RESET_BY_ANSWER_OFF, "Resets by security answer are off in this tenant.");
        }
    }

    /** Renews {@code secret} of {@code person} (null: nobody) if {@code answer} is theirs to {@code questionId}; else 400. */
    public void reset(UserModel person, long questionId, String answer, Secret secret) {
        SecurityAnswerCredentialProvider answers = SecurityAnswerCredentialProvider.of(session);
        Optional<CredentialModel> stored = Optional.ofNullable(person)
                .filter(p -> SeedPersons.mayUseSecrets(session, realm, p) && Entitlements.holds(realm, p, secret.entitlement))
                .flatMap(p -> answers.answerTo(p, questionId));
        boolean right;
        if (stored.isPresent()) {
            right = answers.matches(stored.get(), answer);
        } else {
            HashedCredentials.sameCostAsACheck(session);
            right = false;
        }
        if (!right) {
            if (person != null && !BruteForce.isLocked(session, realm, person)) {
                BruteForce.failed(session, realm, person, BruteForce.PASSWORD);
            }
            throw ApiError.badRequest(ANSWER_NOT_ACCEPTED, "The person, the question or the answer does not match.");
        }
        if (secret == Secret.PASSWORD) {
            String password = TemporarySecrets.password(session, realm, person, RANDOM);
            person.credentialManager().updateCredential(UserCredentialModel.password(password, false));
            person.addRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
            mail(person, "lanyardTemporaryPasswordSubject", "lanyard-temporary-password.ftl", "temporaryPassword", password, "temporary password");
        } else {
            PinPolicy policy = PinRequiredActionFactory.policy(realm);
            String pin = TemporarySecrets.pin(policy, RANDOM);
            PinCredentialProvider.of(session).set(realm, person, pin, true, policy);
            PinLockout.unlock(session, realm, person);
            mail(person, "lanyardTemporaryPinSubject", "lanyard-temporary-pin.ftl", "temporaryPin", pin, "temporary PIN");
        }
    }

    private void mail(UserModel person, String subjectKey, String template, String name, String value, String what) {
        String realmName = realm.getDisplayName() != null && !realm.getDisplayName().isBlank() ? realm.getDisplayName() : realm.getName();
        MailAfterCommit.send(session, realm, person, new MailAfterCommit.Message(subjectKey, List.of(realmName), template,
                Map.of(name, value, "realmName", realmName), what));
    }
}
