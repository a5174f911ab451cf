package dev.lanyard.person;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import dev.lanyard.account.Activation;
import dev.lanyard.account.BruteForce;
import dev.lanyard.entitlement.SeedRoles;
import dev.lanyard.migration.LegacyImport;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserLoginFailureModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;

/**
 * Seed 003's Person object, from Keycloak's own data: used by {@code GET /auth/api/myinfo} and by the tenant-admin
 * person endpoints. Secrets ({@code password}, {@code pin}, {@code currentPassword}, {@code newPassword}) are always
 * null. Dates are unix milliseconds; those Keycloak does not keep are null.
 */
public final class PersonView {

    /** When the realm's password policy sets no expiry: the seed's 90 days. */
    static final int DEFAULT_PASSWORD_DAYS = 90;
    /** The role attribute that marks a realm role as one of the seed's roles (CONSUMER, ADMIN, ...). */
    public static final String SEED_ROLE = SeedRoles.SEED_ROLE;
    private static final Set<String> KEYCLOAK_ROLES = Set.of(Constants.OFFLINE_ACCESS_ROLE, Constants.AUTHZ_UMA_AUTHORIZATION);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final SeedRoles seedRoles;

    public PersonView(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.seedRoles = new SeedRoles(session, realm);
    }

    /** ACTIVE, INACTIVE (must set a password or activate first), LOCKED (disabled or locked by the brute-force detector), CLOSED. */
    public String status(UserModel user, Optional<PersonEntity> record) {
        if (record.map(r -> r.getClosedAt() != null).orElse(false)) {
            return "CLOSED";
        }
        if (!user.isEnabled() || BruteForce.isLocked(session, realm, user)) {
            return "LOCKED";
        }
        // INACTIVE: registered but not active yet (a password to set, an activation link to follow).
        return needsNewPassword(user) || Activation.isPending(user) ? "INACTIVE" : "ACTIVE";
    }

    public Map<String, Object> of(UserModel user) {
        Optional<PersonEntity> record = new PersonRecords(session).record(user);
        String status = status(user, record);
        Long lastPasswordUpdate = user.credentialManager().getStoredCredentialsByTypeStream(PasswordCredentialModel.TYPE)
                .map(CredentialModel::getCreatedDate).findFirst().orElse(null);
        int expiryDays = realm.getPasswordPolicy().getDaysToExpirePassword() > 0
                ? realm.getPasswordPolicy().getDaysToExpirePassword() : DEFAULT_PASSWORD_DAYS;
        long remainingDays = lastPasswordUpdate == null ? 0
                : Math.max(0, expiryDays - TimeUnit.MILLISECONDS.toDays(Time.currentTimeMillis() - lastPasswordUpdate));
        UserLoginFailureModel failures = session.loginFailures().getUserLoginFailure(realm, user.getId());

        Map<String, Object> view = new LinkedHashMap<>();
        view.put("client", tenant());
        view.put("firstName", user.getFirstName());
        view.put("lastName", user.getLastName());
        view.put("password", null);
        view.put("personType", user.getFirstAttribute(LegacyImport.PERSON_TYPE));
        view.put("status", status);
        view.put("lastLoginDatetime", record.map(PersonEntity::getLastSignInAt).orElse(null));
        view.put("loginAttempt", failures == null ? 0 : failures.getNumFailures());
        view.put("lastPasswordUpdate", lastPasswordUpdate);
        String locale = user.getFirstAttribute(UserModel.LOCALE);
        view.put("preferredLanguage", locale == null ? null : locale.toUpperCase(Locale.ROOT));
        view.put("pin", null);
        view.put("currentPassword", null);
        view.put("newPassword", null);
        view.put("needChangePassword", needsNewPassword(user));
        view.put("remainingChangePasswordDate", remainingDays);
        view.put("createdDate", user.getCreatedTimestamp());
        view.put("lastUpdatedDate", null);
        view.put("timeZoneFormatted", user.getFirstAttribute("zoneinfo"));
        view.put("personCredentials", credentials(user));
        view.put("personRoles", roles(user));
        view.put("personContacts", contacts(user));
        boolean open = !"CLOSED".equals(status) && user.isEnabled();
        view.put("enabled", open);
        view.put("username", user.getUsername());
        view.put("credentialsNonExpired", lastPasswordUpdate == null
                || Time.currentTimeMillis() - lastPasswordUpdate < TimeUnit.DAYS.toMillis(expiryDays));
        view.put("accountNonLocked", !"LOCKED".equals(status) && !"CLOSED".equals(status));
        return view;
    }

    /**
     * One entry of the seed's person list (ClientPerson "Retrieve list"): the person in short, {@code id} being their
     * uuid. {@code clientId} is the tenant's numeric id in the seed; a realm has none, so it is null.
     */
    public Map<String, Object> summary(UserModel user) {
        Optional<PersonEntity> record = new PersonRecords(session).record(user);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("clientId", null);
        view.put("clientName", realm.getName());
        view.put("firstName", user.getFirstName());
        view.put("lastName", user.getLastName());
        view.put("personType", user.getFirstAttribute(LegacyImport.PERSON_TYPE));
        view.put("status", status(user, record));
        view.put("createdDate", user.getCreatedTimestamp());
        view.put("lastUpdatedDate", null);
        view.put("username", user.getUsername());
        view.put("id", record.map(PersonEntity::getUuid).orElse(user.getId()));
        return view;
    }

    /** The seed's Client object: the realm, with its default role. */
    public Map<String, Object> tenant() {
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("name", realm.getName());
        client.put("description", realm.getDisplayName());
        RoleModel defaultRole = defaultSeedRole();
        client.put("defaultRole", defaultRole == null ? null : role(defaultRole));
        client.put("createdDate", null);
        client.put("lastUpdatedDate", null);
        return client;
    }

    /**
     * The role every new person gets: the seed role ({@value #SEED_ROLE} = true, e.g. CONSUMER) inside the realm's
     * default role, else the default role itself.
     */
    public RoleModel defaultSeedRole() {
        RoleModel defaultRole = realm.getDefaultRole();
        if (defaultRole == null) {
            return null;
        }
        return defaultRole.getCompositesStream().filter(r -> !r.isClientRole() && "true".equals(r.getFirstAttribute(SEED_ROLE)))
                .min(Comparator.comparing(RoleModel::getName)).orElse(defaultRole);
    }

    /** The seed's Role object with its entitlements ({@link SeedRoles}). */
    public Map<String, Object> role(RoleModel role) {
        return seedRoles.role(role, true);
    }

    /** The seed's PersonRole object: a role the person holds, with its entitlements. */
    public Map<String, Object> personRole(RoleModel role) {
        Map<String, Object> personRole = new LinkedHashMap<>();
        personRole.put("role", role(role));
        personRole.put("createdDate", null);
        personRole.put("lastUpdatedDate", null);
        return personRole;
    }

    private boolean needsNewPassword(UserModel user) {
        return user.getRequiredActionsStream().anyMatch(UserModel.RequiredAction.UPDATE_PASSWORD.name()::equals);
    }

    /** The seed roles of the person: realm roles granted directly or by the default role, not entitlements or Keycloak's own. */
    public List<Map<String, Object>> roles(UserModel user) {
        Set<RoleModel> roles = new LinkedHashSet<>();
        user.getRealmRoleMappingsStream().forEach(roles::add);
        RoleModel defaultRole = realm.getDefaultRole();
        if (defaultRole != null) {
            roles.remove(defaultRole);
            defaultRole.getCompositesStream().filter(r -> !r.isClientRole()).forEach(roles::add);
        }
        List<Map<String, Object>> views = new ArrayList<>();
        roles.stream().filter(r -> !SeedRoles.isEntitlement(r) && !KEYCLOAK_ROLES.contains(r.getName()))
                .sorted(Comparator.comparing(RoleModel::getName)).forEach(r -> views.add(personRole(r)));
        return views;
    }

    /** How the person signs in: their username, and their email where the realm lets email sign in. */
    private List<Map<String, Object>> credentials(UserModel user) {
        List<Map<String, Object>> views = new ArrayList<>();
        views.add(credential("USERNAME", user.getUsername(), user.getCreatedTimestamp()));
        if (user.getEmail() != null && realm.isLoginWithEmailAllowed()) {
            views.add(credential("EMAIL", user.getEmail(), null));
        }
        return views;
    }

    private List<Map<String, Object>> contacts(UserModel user) {
        List<Map<String, Object>> views = new ArrayList<>();
        if (user.getEmail() != null) {
            views.add(contact("EMAIL", user.getEmail()));
        }
        String phone = user.getFirstAttribute("phoneNumber");
        if (phone != null) {
            views.add(contact("PHONENUMBER", phone));
        }
        return views;
    }

    private static Map<String, Object> credential(String type, String value, Long created) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("credentialType", type);
        view.put("credential", value);
        view.put("createdDate", created);
        view.put("lastUpdatedDate", created);
        return view;
    }

    private static Map<String, Object> contact(String type, String value) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("contactType", type);
        view.put("contact", value);
        view.put("createdDate", null);
        view.put("lastUpdatedDate", null);
        return view;
    }
}
