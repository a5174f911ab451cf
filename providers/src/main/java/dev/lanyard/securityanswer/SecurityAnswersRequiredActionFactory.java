package dev.lanyard.securityanswer;

import java.util.List;

import dev.lanyard.LanyardProviderFactory;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelValidationException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Required action {@value #ID} ("Answer a security question"): a page where the person answers one of the tenant's
 * questions, and, in its config, the questions themselves and whether a right answer may reset a password or PIN
 * (off unless switched on: NIST SP 800-63B forbids knowledge-based answers as an authenticator).
 */
public final class SecurityAnswersRequiredActionFactory implements RequiredActionFactory, LanyardProviderFactory<RequiredActionProvider> {

    public static final String ID = "lanyard-security-answers";

    private static final SecurityAnswersRequiredAction SINGLETON = new SecurityAnswersRequiredAction();

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayText() {
        return "Answer a security question (Lanyard)";
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return SINGLETON;
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(SecurityQuestions.QUESTIONS).label("Security questions").type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE)
                .helpText("The tenant's questions, one per value as '<id>: <question>' (e.g. '2: What was the make and model of"
                        + " your first car?'). Ids are what apps send as securityQuestionId; keep an id when you reword its question,"
                        + " and never give a removed id to another question (answers to it would then answer the new one). To retire a question, write"
                        + " '<id> (retired): <question>': it is offered no more, while answers given to it still work.").add()
                .property().name(SecurityQuestions.RESET_BY_ANSWER).label("Reset by answer").type(ProviderConfigProperty.BOOLEAN_TYPE)
                .defaultValue(false)
                .helpText("Let a right answer mail a temporary password or PIN (seed 003 reset/password, reset/pin). Off by"
                        + " default: NIST SP 800-63B forbids knowledge-based answers as an authenticator and OWASP finds no good"
                        + " questions; answers are guessable and often public. Answers never count as a second factor.").add()
                .build();
    }

    @Override
    public void validateConfig(KeycloakSession session, RealmModel realm, RequiredActionConfigModel config) {
        List<String> invalid = SecurityQuestions.invalidEntries(config.getConfig() == null ? null : config.getConfig().get(SecurityQuestions.QUESTIONS));
        if (!invalid.isEmpty()) {
            throw new ModelValidationException("Each security question is '<id>: <question>' with an id of its own; not: " + String.join(", ", invalid));
        }
    }
}
