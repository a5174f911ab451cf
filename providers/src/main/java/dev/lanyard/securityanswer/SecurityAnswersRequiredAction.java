package dev.lanyard.securityanswer;

import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.utils.FormMessage;

/** The page of {@value SecurityAnswersRequiredActionFactory#ID}: one of the tenant's questions and its answer. */
final class SecurityAnswersRequiredAction implements RequiredActionProvider {

    static final String TEMPLATE = "lanyard-security-answer.ftl";
    static final int MAX_ANSWER = 256;

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        // Only asked for (account console, admin).
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        context.challenge(page(context, null));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        SecurityQuestions questions = SecurityQuestions.of(context.getRealm());
        SecurityQuestions.Question question;
        try {
            question = questions.byId(Long.parseLong(String.valueOf(form.getFirst("questionId")))).orElse(null);
        } catch (NumberFormatException e) {
            question = null;
        }
        if (question == null) {
            context.challenge(page(context, new FormMessage("questionId", "lanyardSecurityAnswerChooseQuestion")));
            return;
        }
        String answer = form.getFirst("answer");
        if (answer == null || answer.isBlank() || answer.length() > MAX_ANSWER) {
            context.challenge(page(context, new FormMessage("answer", "lanyardSecurityAnswerMissing")));
            return;
        }
        SecurityAnswerCredentialProvider.of(context.getSession()).answer(context.getUser(), question, answer);
        context.success();
    }

    private static Response page(RequiredActionContext context, FormMessage error) {
        LoginFormsProvider form = context.form().setAttribute("lanyardQuestions", SecurityQuestions.of(context.getRealm()).questions().stream()
                .map(q -> Map.of("id", Long.toString(q.id()), "question", q.question())).toList());
        if (error != null) {
            form.addError(error);
        }
        return form.createForm(TEMPLATE);
    }

    @Override
    public void close() {
    }
}
