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
 * so ids stay the same when others are removed (the seed's ids are numbers: {@code "securityQuestionId": 2}). A retired
 * question, {@code "<id> (retired): <question>"}, is offered no more and takes no new answers, while answers given to it
 * keep working for resets until they are replaced; its id is never given again.
 */
public record SecurityQuestions(List<Question> all, boolean resetByAnswer) {

    static final String QUESTIONS = "questions";
    static final String RESET_BY_ANSWER = "reset-by-answer";
    /** How Keycloak joins the values of a multivalued config property. */
    static final String MULTIVALUED_SEPARATOR = "##";
    static final String RETIRED = "(retired)";
    private static final Pattern ENTRY = Pattern.compile("\\s*(\\d{1,12})\\s*(\\(retired\\))?\\s*:\\s*(\\S.*?)\\s*");

    public record Question(long id, String question, boolean retired) {
        public Question(long id, String question) {
            this(id, question, false);
        }

        /** The config value: {@code "<id>: <question>"}, or {@code "<id> (retired): <question>"}. */
        String entry() {
            return id + (retired ? " " + RETIRED : "") + ": " + question;
        }
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
                questions.add(new Question(Long.parseLong(m.group(1)), m.group(3), m.group(2) != null));
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

    /** The questions offered: not retired. */
    public List<Question> questions() {
        return all.stream().filter(q -> !q.retired()).toList();
    }

    /** An offered question (retired ones take no new answers). */
    public Optional<Question> byId(long id) {
        return questions().stream().filter(q -> q.id() == id).findFirst();
    }

    /** Any question of this id, retired ones included (the wording of an answer given to it). */
    public Optional<Question> anyById(long id) {
        return all.stream().filter(q -> q.id() == id).findFirst();
    }

    /** The config value of these questions, as Keycloak stores a multivalued property. */
    static String joined(List<Question> questions) {
        return String.join(MULTIVALUED_SEPARATOR, questions.stream().map(Question::entry).toList());
    }
}
