package dev.lanyard.securityanswer;

import java.util.LinkedHashMap;
import java.util.Map;

import org.keycloak.credential.CredentialModel;

/** Seed 003's security question and answer objects. The answer is always null: answers never leave the server. */
final class AnswerViews {

    private AnswerViews() {
    }

    static Map<String, Object> question(SecurityQuestions.Question question) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", question.id());
        view.put("question", question.question());
        view.put("createdDate", null);
        view.put("lastUpdatedDate", null);
        return view;
    }

    static Map<String, Object> answer(CredentialModel stored, String uuid, SecurityQuestions questions) {
        long questionId = SecurityAnswerCredentialProvider.questionId(stored);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", stored.getId());
        view.put("uuid", uuid);
        // A question removed from the tenant's list since keeps its id and the wording the answer was given to.
        view.put("securityQuestion", question(questions.anyById(questionId).orElse(new SecurityQuestions.Question(questionId, stored.getUserLabel()))));
        view.put("answer", null);
        view.put("createdDate", stored.getCreatedDate());
        view.put("lastUpdatedDate", SecurityAnswerCredentialProvider.updatedAt(stored));
        return view;
    }
}
