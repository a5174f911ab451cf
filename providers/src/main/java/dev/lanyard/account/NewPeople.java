package dev.lanyard.account;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.PersistenceException;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.UserModel;
import org.keycloak.userprofile.UserProfileContext;
import org.keycloak.userprofile.UserProfileProvider;
import org.keycloak.userprofile.ValidationException;

/**
 * A new person made by a partner's call (enrollment, the users orchestrator): through the realm's user profile in its
 * admin context (its validators decide the names), username = email, enabled, no credential. Each caller answers a
 * {@link Refused} in its own seed's codes.
 */
public final class NewPeople {

    /** The user profile refused: {@code taken} when the address (or username) is someone's, else the fields it refused. */
    public static final class Refused extends RuntimeException {
        private final boolean taken;
        private final List<String> fields;

        Refused(boolean taken, List<String> fields) {
            super(taken ? "address taken" : "profile refused " + fields, null, false, false);
            this.taken = taken;
            this.fields = fields;
        }

        public boolean taken() {
            return taken;
        }

        public List<String> fields() {
            return fields;
        }
    }

    private NewPeople() {
    }

    /** Marks the transaction rollback-only when refused: the user provider may have written half a person. */
    public static UserModel create(KeycloakSession session, String email, String firstName, String lastName) {
        return create(session, email, email, firstName, lastName);
    }

    /**
     * As {@link #create(KeycloakSession, String, String, String)} with a username of its own (a tenant admin's creation);
     * {@code email} may be null. A refusal for a taken username or address names it in {@link Refused#fields()}.
     */
    public static UserModel create(KeycloakSession session, String username, String email, String firstName, String lastName) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put(UserModel.USERNAME, username);
        if (email != null) {
            attributes.put(UserModel.EMAIL, email);
        }
        if (firstName != null) {
            attributes.put(UserModel.FIRST_NAME, firstName);
        }
        if (lastName != null) {
            attributes.put(UserModel.LAST_NAME, lastName);
        }
        UserModel person;
        try {
            person = session.getProvider(UserProfileProvider.class).create(UserProfileContext.USER_API, attributes).create();
        } catch (ValidationException invalid) {
            session.getTransactionManager().setRollbackOnly();
            boolean taken = invalid.hasError("emailExistsMessage") || invalid.hasError("usernameExistsMessage");
            throw new Refused(taken, invalid.getErrors().stream().map(ValidationException.Error::getAttribute).distinct().toList());
        } catch (ModelDuplicateException | PersistenceException sameAddressAtTheSameTime) {
            session.getTransactionManager().setRollbackOnly();
            throw new Refused(true, List.of(UserModel.EMAIL));
        }
        person.setEnabled(true);
        return person;
    }
}
