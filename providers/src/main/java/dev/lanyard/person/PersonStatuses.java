package dev.lanyard.person;

import java.util.Locale;

import dev.lanyard.account.SignOuts;
import dev.lanyard.rest.ApiError;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Seed 003's person statuses set on Keycloak's own state, so that myinfo, the admin list and every sign-in agree:
 * ACTIVE (enabled, no password change pending, brute-force lock cleared, reopened if closed), INACTIVE (enabled, must
 * set a new password), LOCKED and DISABLED (disabled at once, sessions ended), CLOSED (deregistered: disabled,
 * signed out everywhere, credentials removed, kept with its uuid).
 */
public final class PersonStatuses {

    public static final String ALREADY_CLOSED = "ALREADY_CLOSED";
    public static final String ACCOUNT_CLOSED = "ACCOUNT_CLOSED";
    public static final String INVALID_STATUS = "INVALID_STATUS";

    public enum Status { ACTIVE, INACTIVE, LOCKED, DISABLED, CLOSED }

    private final KeycloakSession session;
    private final RealmModel realm;
    private final PersonRecords records;

    public PersonStatuses(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.records = new PersonRecords(session);
    }

    /** A status as the seed spells it (any case); 400 {@value #INVALID_STATUS} otherwise. */
    public static Status parse(String value) {
        try {
            return Status.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiError.badRequest(INVALID_STATUS, "The status is one of ACTIVE, INACTIVE, LOCKED, DISABLED, CLOSED.");
        }
    }

    public boolean isClosed(UserModel person) {
        return records.record(person).map(r -> r.getClosedAt() != null).orElse(false);
    }

    public void set(UserModel person, Status status) {
        switch (status) {
            case ACTIVE -> {
                records.record(person).ifPresent(r -> r.setClosedAt(null));
                person.setEnabled(true);
                person.removeRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
                session.loginFailures().removeUserLoginFailure(realm, person.getId());
            }
            case INACTIVE -> {
                requireOpen(person);
                person.setEnabled(true);
                person.addRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
            }
            case LOCKED, DISABLED -> lock(person);
            case CLOSED -> close(person);
        }
    }

    /** Sign-in refused at once: disabled, every session and token ended. */
    public void lock(UserModel person) {
        person.setEnabled(false);
        SignOuts.everywhere(session, realm, person);
    }

    /** Enabled again, the brute-force lock cleared; a closed account stays closed (set ACTIVE to reopen it). */
    public void unlock(UserModel person) {
        requireOpen(person);
        person.setEnabled(true);
        session.loginFailures().removeUserLoginFailure(realm, person.getId());
    }

    /** Deregistered: 409 {@value #ALREADY_CLOSED} if it is already. */
    public void close(UserModel person) {
        PersonEntity record = records.orNew(realm, person);
        if (record.getClosedAt() != null) {
            throw new ApiError(409, ALREADY_CLOSED, "This account is closed already.");
        }
        record.setClosedAt(Time.currentTimeMillis());
        person.setEnabled(false);
        person.getRequiredActionsStream().toList().forEach(person::removeRequiredAction);
        // Every stored credential: password, OTP, PIN and its history, security answers.
        person.credentialManager().getStoredCredentialsStream().toList()
                .forEach(c -> person.credentialManager().removeStoredCredentialById(c.getId()));
        SignOuts.everywhere(session, realm, person);
    }

    private void requireOpen(UserModel person) {
        if (isClosed(person)) {
            throw new ApiError(409, ACCOUNT_CLOSED, "This account is closed; set the status ACTIVE to reopen it.");
        }
    }
}
