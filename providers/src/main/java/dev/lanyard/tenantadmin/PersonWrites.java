package dev.lanyard.tenantadmin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.persistence.PersistenceException;

import dev.lanyard.account.NewPeople;
import dev.lanyard.account.People;
import dev.lanyard.account.PasswordRules;
import dev.lanyard.entitlement.SeedRoles;
import dev.lanyard.migration.LegacyImport;
import dev.lanyard.person.PersonRecords;
import dev.lanyard.pin.PinCredentialProvider;
import dev.lanyard.pin.PinPolicy;
import dev.lanyard.pin.PinRequiredActionFactory;
import dev.lanyard.pin.PinResource;
import dev.lanyard.rest.ApiError;
import dev.lanyard.screening.ScreeningProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.userprofile.UserProfileContext;
import org.keycloak.userprofile.UserProfileProvider;
import org.keycloak.userprofile.ValidationException;

/**
 * A tenant admin's creation and update of a person ({@link PersonForm}): names and address through the realm's user
 * profile, the password under the realm's password policy, the PIN under its PIN policy, the seed uuid unique by
 * Lanyard's table, roles under {@link RoleGrants}. A refusal found after writing began rolls the call back.
 */
final class PersonWrites {

    static final String USERNAME_TAKEN = "USERNAME_TAKEN";
    static final String EMAIL_TAKEN = "EMAIL_TAKEN";
    static final String UUID_TAKEN = "UUID_TAKEN";
    static final String UUID_MISMATCH = "UUID_MISMATCH";
    static final String INVALID_PROFILE = "INVALID_PROFILE";
    static final String ZONE_INFO = "zoneinfo";
    static final String PHONE_NUMBER = "phoneNumber";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final UserModel admin;

    PersonWrites(KeycloakSession session, RealmModel realm, UserModel admin) {
        this.session = session;
        this.realm = realm;
        this.admin = admin;
    }

    UserModel create(PersonForm form) {
        List<RoleModel> roles = grantable(form.roleNames());
        PinPolicy pinPolicy = PinRequiredActionFactory.policy(realm);
        requirePinPolicy(form.pin(), pinPolicy);
        PersonRecords records = new PersonRecords(session);
        if (records.holderOf(realm, form.uuid()).isPresent()) {
            throw new ApiError(409, UUID_TAKEN, "Another person of this tenant has this uuid.");
        }
        // Asked first so the answer can say which is taken; the user table's keys still decide a race.
        if (session.users().getUserByUsername(realm, form.username()) != null) {
            throw new ApiError(409, USERNAME_TAKEN, "Another person of this tenant has this username.");
        }
        if (form.email() != null && !realm.isDuplicateEmailsAllowed() && People.byEmail(session, realm, form.email()) != null) {
            throw new ApiError(409, EMAIL_TAKEN, "Another person of this tenant has this email address.");
        }
        UserModel person;
        try {
            person = NewPeople.create(session, form.username(), form.email(), form.firstName(), form.lastName());
        } catch (NewPeople.Refused refused) {
            throw refusal(refused.taken(), refused.fields()).rollingBack();
        }
        setPassword(person, form.password());
        apply(person, form, roles, pinPolicy);
        try {
            records.assignUuid(realm, person, form.uuid());
        } catch (PersistenceException | ModelDuplicateException sameUuidAtTheSameMoment) {
            session.getTransactionManager().setRollbackOnly();
            throw new ApiError(409, UUID_TAKEN, "Another person of this tenant has this uuid.");
        }
        if (ScreeningProvider.screens(realm)) {
            session.getProvider(ScreeningProvider.class).screenAfterCommit(realm.getId(), person.getId(), "ADMIN_CREATE");
        }
        return person;
    }

    void update(UserModel person, String uuid, PersonForm form) {
        if (form.uuid() != null && !form.uuid().equals(uuid)) {
            throw ApiError.badRequest(UUID_MISMATCH, "The body's uuid names another person than the path.");
        }
        List<RoleModel> roles = grantable(form.roleNames());
        PinPolicy pinPolicy = PinRequiredActionFactory.policy(realm);
        requirePinPolicy(form.pin(), pinPolicy);
        Map<String, List<String>> attributes = new LinkedHashMap<>(person.getAttributes());
        put(attributes, UserModel.USERNAME, form.username());
        put(attributes, UserModel.EMAIL, form.email());
        put(attributes, UserModel.FIRST_NAME, form.firstName());
        put(attributes, UserModel.LAST_NAME, form.lastName());
        try {
            session.getProvider(UserProfileProvider.class).create(UserProfileContext.USER_API, attributes, person).update();
        } catch (ValidationException invalid) {
            session.getTransactionManager().setRollbackOnly();
            boolean taken = invalid.hasError("emailExistsMessage") || invalid.hasError("usernameExistsMessage");
            throw refusal(taken, invalid.getErrors().stream().map(ValidationException.Error::getAttribute).distinct().toList());
        }
        if (form.password() != null) {
            setPassword(person, form.password());
        }
        apply(person, form, roles, pinPolicy);
        if (ScreeningProvider.screens(realm)) {
            session.getProvider(ScreeningProvider.class).screenAfterCommit(realm.getId(), person.getId(), "ADMIN_UPDATE");
        }
    }

    /** Every named role must be the tenant's and grantable by this admin, checked before anything is written. */
    List<RoleModel> grantable(List<String> names) {
        List<RoleModel> roles = new ArrayList<>();
        SeedRoles seedRoles = new SeedRoles(session, realm);
        for (String name : names) {
            RoleModel role = RoleGrants.seedRole(realm, seedRoles, name);
            RoleGrants.requireGrantable(realm, admin, role);
            roles.add(role);
        }
        return roles;
    }

    private void apply(UserModel person, PersonForm form, List<RoleModel> roles, PinPolicy pinPolicy) {
        if (form.pin() != null) {
            PinCredentialProvider.of(session).set(realm, person, form.pin(), false, pinPolicy);
        }
        if (form.personType() != null) {
            person.setSingleAttribute(LegacyImport.PERSON_TYPE, form.personType());
        }
        if (form.preferredLanguage() != null) {
            person.setSingleAttribute(UserModel.LOCALE, form.preferredLanguage().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        if (form.timeZoneFormatted() != null) {
            person.setSingleAttribute(ZONE_INFO, form.timeZoneFormatted());
        }
        if (form.phone() != null) {
            person.setSingleAttribute(PHONE_NUMBER, form.phone());
        }
        if (form.resetRequired()) {
            person.addRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
        }
        roles.forEach(person::grantRole);
    }

    private void setPassword(UserModel person, String password) {
        try {
            PasswordRules.require(session, realm, person, password, Locale.ENGLISH);
        } catch (ApiError refused) {
            throw refused.rollingBack();
        }
        person.credentialManager().updateCredential(UserCredentialModel.password(password, false));
    }

    private static void requirePinPolicy(String pin, PinPolicy policy) {
        if (pin == null) {
            return;
        }
        List<PinPolicy.Rule> broken = policy.broken(pin);
        if (!broken.isEmpty()) {
            throw ApiError.badRequest(PinResource.PIN_POLICY, broken.stream().map(r -> r.text(policy)).collect(Collectors.joining(" ")));
        }
    }

    private static ApiError refusal(boolean taken, List<String> fields) {
        if (taken && fields.contains(UserModel.USERNAME)) {
            return new ApiError(409, USERNAME_TAKEN, "Another person of this tenant has this username.");
        }
        if (taken) {
            return new ApiError(409, EMAIL_TAKEN, "Another person of this tenant has this email address.");
        }
        return ApiError.badRequest(INVALID_PROFILE, "The realm's user profile refuses: " + String.join(", ", fields) + ".");
    }

    private static void put(Map<String, List<String>> attributes, String name, String value) {
        if (value != null) {
            attributes.put(name, List.of(value));
        }
    }
}
