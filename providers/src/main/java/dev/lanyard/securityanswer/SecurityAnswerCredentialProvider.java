package dev.lanyard.securityanswer;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import dev.lanyard.account.HashedCredentials;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Credential type {@value #TYPE}: one per question a person answered. The answer is normalised
 * ({@link AnswerNormalizer}, its version kept with the hash) and hashed with Keycloak's PBKDF2-SHA512 like a
 * password; it is never returned, logged or audited. Never a second factor: NIST SP 800-63B does not allow
 * knowledge-based answers as an authenticator, so no authenticator checks this type.
 */
public final class SecurityAnswerCredentialProvider implements CredentialProvider<CredentialModel> {

    public static final String TYPE = "lanyard-security-answer";
    static final String QUESTION_ID = "questionId";
    static final String NORMALIZER = "normalizer";
    static final String UPDATED_AT = "updatedAt";

    private final KeycloakSession session;

    SecurityAnswerCredentialProvider(KeycloakSession session) {
        this.session = session;
    }

    public static SecurityAnswerCredentialProvider of(KeycloakSession session) {
        return (SecurityAnswerCredentialProvider) session.getProvider(CredentialProvider.class, SecurityAnswerCredentialProviderFactory.ID);
    }

    @Override
    public String getType() {
        return TYPE;
    }

    public Stream<CredentialModel> answers(UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(TYPE);
    }

    public Optional<CredentialModel> answerTo(UserModel user, long questionId) {
        return answers(user).filter(a -> questionId(a) == questionId).findFirst();
    }

    /** A first answer to {@code question}. */
    public CredentialModel add(UserModel user, SecurityQuestions.Question question, String answer) {
        return user.credentialManager().createStoredCredential(hashed(question, answer));
    }

    /** Replaces a stored answer (and its question) in place: it keeps its id and created date. */
    public CredentialModel update(UserModel user, CredentialModel stored, SecurityQuestions.Question question, String answer) {
        CredentialModel fresh = hashed(question, answer);
        stored.setSecretData(fresh.getSecretData());
        stored.setCredentialData(fresh.getCredentialData());
        stored.setUserLabel(fresh.getUserLabel());
        user.credentialManager().updateStoredCredential(stored);
        return stored;
    }

    /** The answer to {@code question}: added, or replacing an earlier answer to it. */
    public CredentialModel answer(UserModel user, SecurityQuestions.Question question, String answer) {
        Optional<CredentialModel> earlier = answerTo(user, question.id());
        return earlier.isPresent() ? update(user, earlier.get(), question, answer) : add(user, question, answer);
    }

    /** When the answer was last set (its created date until it is updated). */
    public static Long updatedAt(CredentialModel stored) {
        return HashedCredentials.parameter(stored, UPDATED_AT).map(Long::parseLong).orElse(stored.getCreatedDate());
    }

    private CredentialModel hashed(SecurityQuestions.Question question, String answer) {
        CredentialModel stored = HashedCredentials.hash(session, TYPE, AnswerNormalizer.normalize(answer, AnswerNormalizer.VERSION),
                Map.of(QUESTION_ID, Long.toString(question.id()), NORMALIZER, Integer.toString(AnswerNormalizer.VERSION),
                        UPDATED_AT, Long.toString(Time.currentTimeMillis())));
        stored.setUserLabel(question.question());
        return stored;
    }

    /** Whether {@code answer} matches the stored one, under the normaliser it was stored with. */
    public boolean matches(CredentialModel stored, String answer) {
        int version = HashedCredentials.parameter(stored, NORMALIZER).map(Integer::parseInt).orElse(AnswerNormalizer.VERSION);
        return HashedCredentials.matches(session, AnswerNormalizer.normalize(answer, version), stored);
    }

    public static long questionId(CredentialModel stored) {
        return HashedCredentials.parameter(stored, QUESTION_ID).map(Long::parseLong).orElse(-1L);
    }

    @Override
    public CredentialModel createCredential(RealmModel realm, UserModel user, CredentialModel credential) {
        return user.credentialManager().createStoredCredential(credential);
    }

    @Override
    public boolean deleteCredential(RealmModel realm, UserModel user, String credentialId) {
        return user.credentialManager().removeStoredCredentialById(credentialId);
    }

    @Override
    public CredentialModel getCredentialFromModel(CredentialModel model) {
        return model;
    }

    @Override
    public CredentialTypeMetadata getCredentialTypeMetadata(CredentialTypeMetadataContext context) {
        return CredentialTypeMetadata.builder().type(TYPE).category(CredentialTypeMetadata.Category.BASIC_AUTHENTICATION)
                .displayName("lanyardSecurityAnswerDisplayName").helpText("lanyardSecurityAnswerHelpText")
                .iconCssClass("kcAuthenticatorPasswordClass").createAction(SecurityAnswersRequiredActionFactory.ID)
                .removeable(true).build(session);
    }
}
