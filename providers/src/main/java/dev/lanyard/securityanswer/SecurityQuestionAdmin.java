package dev.lanyard.securityanswer;

import java.sql.Clob;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import dev.lanyard.rest.ApiError;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.models.jpa.entities.RealmEntity;

/**
 * A tenant admin's changes to the tenant's security questions, in the {@value SecurityAnswersRequiredActionFactory#ID}
 * required action's config (where the admin console edits them too): add (the next id after every id ever used),
 * reword (same id), retire (kept as {@code "<id> (retired): ..."}, so its answers keep working and its id is never
 * given again). Changes are serialized by a lock on the realm's row, and each reads the config as committed after
 * taking the lock: two admins adding at once get two ids, and neither change is lost.
 */
public final class SecurityQuestionAdmin {

    public static final String QUESTION_NOT_FOUND = "QUESTION_NOT_FOUND";
    static final int MAX_QUESTION = 255;

    private final KeycloakSession session;
    private final RealmModel realm;

    public SecurityQuestionAdmin(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** Every question, retired ones included, as the seed's SecurityQuestion object with {@code retired}. */
    public List<Map<String, Object>> list() {
        return SecurityQuestions.of(realm).all().stream().map(SecurityQuestionAdmin::view).toList();
    }

    public Map<String, Object> add(String question) {
        Locked locked = lock();
        long id = locked.questions.all().stream().mapToLong(SecurityQuestions.Question::id).max().orElse(0) + 1;
        List<SecurityQuestions.Question> all = new ArrayList<>(locked.questions.all());
        SecurityQuestions.Question added = new SecurityQuestions.Question(id, question);
        all.add(added);
        locked.save(all);
        return view(added);
    }

    public Map<String, Object> reword(long id, String question) {
        return replace(id, q -> new SecurityQuestions.Question(id, question, q.retired()));
    }

    public Map<String, Object> retire(long id) {
        return replace(id, q -> new SecurityQuestions.Question(id, q.question(), true));
    }

    private Map<String, Object> replace(long id, java.util.function.UnaryOperator<SecurityQuestions.Question> change) {
        Locked locked = lock();
        SecurityQuestions.Question changed = null;
        List<SecurityQuestions.Question> all = new ArrayList<>();
        for (SecurityQuestions.Question q : locked.questions.all()) {
            if (q.id() == id) {
                changed = change.apply(q);
                all.add(changed);
            } else {
                all.add(q);
            }
        }
        if (changed == null) {
            throw ApiError.notFound(QUESTION_NOT_FOUND, "This tenant has no security question with this id.");
        }
        locked.save(all);
        return view(changed);
    }

    /**
     * The realm's row locked until this request commits, then the config as committed: read with SQL, since both the
     * realm cache and this request's persistence context may hold what was there before the lock.
     */
    private Locked lock() {
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        em.find(RealmEntity.class, realm.getId(), LockModeType.PESSIMISTIC_WRITE);
        List<?> rows = em.createNativeQuery("select c.NAME, c.VALUE from REQUIRED_ACTION_CONFIG c join REQUIRED_ACTION_PROVIDER p"
                + " on c.REQUIRED_ACTION_ID = p.ID where p.REALM_ID = ?1 and p.ALIAS = ?2")
                .setParameter(1, realm.getId()).setParameter(2, SecurityAnswersRequiredActionFactory.ID).getResultList();
        Map<String, String> config = new HashMap<>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            config.put(String.valueOf(columns[0]), text(columns[1]));
        }
        return new Locked(config, SecurityQuestions.of(config));
    }

    private static String text(Object value) {
        try {
            return value instanceof Clob clob ? clob.getSubString(1, (int) clob.length()) : value == null ? null : value.toString();
        } catch (SQLException e) {
            throw new IllegalStateException("Unreadable required-action config", e);
        }
    }

    private final class Locked {
        private final Map<String, String> config;
        private final SecurityQuestions questions;

        private Locked(Map<String, String> config, SecurityQuestions questions) {
            this.config = config;
            this.questions = questions;
        }

        void save(List<SecurityQuestions.Question> all) {
            RequiredActionConfigModel model = realm.getRequiredActionConfigByAlias(SecurityAnswersRequiredActionFactory.ID);
            if (model == null) {
                model = new RequiredActionConfigModel();
                model.setAlias(SecurityAnswersRequiredActionFactory.ID);
                model.setProviderId(SecurityAnswersRequiredActionFactory.ID);
            }
            Map<String, String> updated = new HashMap<>(config);
            updated.put(SecurityQuestions.QUESTIONS, SecurityQuestions.joined(all));
            model.setConfig(updated);
            realm.updateRequiredActionConfig(model);
        }
    }

    private static Map<String, Object> view(SecurityQuestions.Question question) {
        Map<String, Object> view = new java.util.LinkedHashMap<>(AnswerViews.question(question));
        view.put("retired", question.retired());
        return view;
    }
}
