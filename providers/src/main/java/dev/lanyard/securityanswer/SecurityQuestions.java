package dev.lanyard.securityanswer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionConfigModel;

/**
 * A tenant's security questions and whether answers may reset a password or PIN, from the config of its
 * {@value SecurityAnswersRequiredActionFactory#ID} required action: each question is one value {@code "<id>: <question>"},
 * so ids stay the same when others are removed (the seed's ids are numbers: {@code "securityQuestionId": 2}).
 */
public record SecurityQuestions(List<Question> questions, boolean resetByAnswer) {

    static final String QUESTIONS = "questions";
    static final String RESET_BY_ANSWER = "reset-by-answer";
    /** How Keycloak joins the values of a multivalued config property. */
    static final String MULTIVALUED_SEPARATOR = "##";
    private static final Pattern ENTRY = Pattern.compile("\\s*(\\d{1,12})\\s*:\\s*(\\S.*?)\\s*");

    public record Question(long id, String question) {
    }

    public static SecurityQuestions of(RealmModel realm) {
        RequiredActionConfigModel config = realm.getRequiredActionConfigByAlias(SecurityAnswersRequiredActionFactory.ID);
        return of(config == null ? null : config.getConfig());
    }

    /** Reads a config; entries that are not {@code "<id>: <question>"}, and repeated ids, are left out. */
    public static SecurityQuestions of(Map<String, String> config) {
        if (config == null) {
            return new SecurityQuestions(List.of(), false);
        }
        List<Question> questions = new ArrayList<>();
        Set<Long> ids = new HashSet<>();
        String joined = config.get(QUESTIONS);
        for (String entry : joined == null ? new String[0] : joined.split(MULTIVALUED_SEPARATOR)) {
            Matcher m = ENTRY.matcher(entry);
            if (m.matches() && ids.add(Long.parseLong(m.group(1)))) {
                questions.add(new Question(Long.parseLong(m.group(1)), m.group(2)));
            }
        }
        return new SecurityQuestions(List.copyOf(questions), Boolean.parseBoolean(config.get(RESET_BY_ANSWER)));
    }

    /** The entries of a config that {@link #of(Map)} would leave out: what the admin console refuses to save. */
    static List<String> invalidEntries(String joined) {
        List<String> invalid = new ArrayList<>();
        Set<Long> ids = new HashSet<>();
        for (String entry : joined == null || joined.isEmpty() ? new String[0] : joined.split(MULTIVALUED_SEPARATOR)) {
            Matcher m = ENTRY.matcher(entry);
            if (!m.matches() || !ids.add(Long.parseLong(m.group(1)))) {
                invalid.add(entry);
            }
        }
        return invalid;
    }

    public Optional<Question> byId(long id) {
        return questions.stream().filter(q -> q.id() == id).findFirst();
    }
}
