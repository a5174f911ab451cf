package dev.lanyard.entitlement;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Seed 003's numeric ids of roles and entitlements ({@code "id": 7}), which Keycloak's role ids (UUIDs) are not. A
 * role is numbered the first time Lanyard shows it, once: with the number its role attribute {@value #HINT} asks for
 * (realm-config gives the seed's own: RESET_PASSWORD 2, CONSUMER 3) when that one is free, else the next after the
 * highest. The number is claimed in a transaction of its own against a unique constraint, so two nodes numbering
 * at once cannot share one; the loser re-reads the winner's. Roles and entitlements are numbered apart, as the seed does.
 * One instance per request: it holds the realm's numbers it has read.
 */
public final class RoleNumbers {

    public static final String ROLE = "ROLE";
    public static final String ENTITLEMENT = "ENTITLEMENT";
    /** The role attribute with the number a role should get (realm-config sets the seed's). */
    public static final String HINT = "lanyard.id";
    private static final int TRIES = 5;

    private final KeycloakSession session;
    private final RealmModel realm;
    private Map<String, RoleNumberEntity> byRole;

    public RoleNumbers(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    public static String kindOf(RoleModel role) {
        return "true".equals(role.getFirstAttribute(Entitlements.ATTRIBUTE)) ? ENTITLEMENT : ROLE;
    }

    /** The role's number, numbering it now if it has none. */
    public long of(RoleModel role) {
        return entry(role).getNumber();
    }

    /** The realm role of this kind with this number, if it still exists; roles never shown yet are numbered first. */
    public Optional<RoleModel> find(String kind, long number) {
        realm.getRolesStream().filter(r -> kind.equals(kindOf(r)) && isNumbered(r)).forEach(this::entry);
        return numbers().values().stream().filter(n -> n.getKind().equals(kind) && n.getNumber() == number).findFirst()
                .map(n -> realm.getRoleById(n.getRoleId()));
    }

    /** Roles Lanyard numbers: seed roles and entitlements, not Keycloak's own. */
    public static boolean isNumbered(RoleModel role) {
        return !role.isClientRole() && ("true".equals(role.getFirstAttribute(Entitlements.ATTRIBUTE))
                || "true".equals(role.getFirstAttribute(SeedRoles.SEED_ROLE)));
    }

    private RoleNumberEntity entry(RoleModel role) {
        RoleNumberEntity known = numbers().get(role.getId());
        if (known != null) {
            return known;
        }
        RoleNumberEntity claimed = claim(role);
        byRole.put(role.getId(), claimed);
        return claimed;
    }

    private Map<String, RoleNumberEntity> numbers() {
        if (byRole == null) {
            byRole = new HashMap<>();
            em(session).createNamedQuery("lanyardRoleNumbersOfRealm", RoleNumberEntity.class).setParameter("realmId", realm.getId())
                    .getResultStream().forEach(n -> byRole.put(n.getRoleId(), n));
        }
        return byRole;
    }

    private RoleNumberEntity claim(RoleModel role) {
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        String realmId = realm.getId();
        String roleId = role.getId();
        String kind = kindOf(role);
        Long hint = hint(role);
        for (int i = 0; i < TRIES; i++) {
            try {
                return KeycloakModelUtils.runJobInTransactionWithResult(factory, s -> claimOnce(em(s), realmId, roleId, kind, hint));
            } catch (PersistenceException | ModelDuplicateException taken) {
                // Another request numbered this role, or took the number first: its row decides.
                RoleNumberEntity winner = KeycloakModelUtils.runJobInTransactionWithResult(factory, s -> em(s)
                        .createNamedQuery("lanyardRoleNumberOfRole", RoleNumberEntity.class).setParameter("roleId", roleId)
                        .getResultStream().findFirst().orElse(null));
                if (winner != null) {
                    return winner;
                }
            }
        }
        throw new IllegalStateException("Could not number role " + role.getName() + " after " + TRIES + " tries");
    }

    private static RoleNumberEntity claimOnce(EntityManager em, String realmId, String roleId, String kind, Long hint) {
        RoleNumberEntity existing = em.find(RoleNumberEntity.class, roleId);
        if (existing != null) {
            return existing;
        }
        long number;
        if (hint != null && em.createNamedQuery("lanyardRoleNumberTaken", Long.class).setParameter("realmId", realmId)
                .setParameter("kind", kind).setParameter("number", hint).getSingleResult() == 0) {
            number = hint;
        } else {
            Long highest = em.createNamedQuery("lanyardHighestRoleNumber", Long.class).setParameter("realmId", realmId)
                    .setParameter("kind", kind).getSingleResult();
            number = highest == null ? 1 : highest + 1;
        }
        RoleNumberEntity entry = new RoleNumberEntity();
        entry.setRoleId(roleId);
        entry.setRealmId(realmId);
        entry.setKind(kind);
        entry.setNumber(number);
        entry.setCreatedAt(Time.currentTimeMillis());
        em.persist(entry);
        em.flush();
        em.detach(entry);
        return entry;
    }

    static Long hint(RoleModel role) {
        String value = role.getFirstAttribute(HINT);
        if (value == null || !value.trim().matches("\\d{1,12}")) {
            return null;
        }
        long number = Long.parseLong(value.trim());
        return number > 0 ? number : null;
    }

    public static void removeRealm(KeycloakSession session, RealmModel realm) {
        em(session).createNamedQuery("lanyardDeleteRoleNumbersOfRealm").setParameter("realmId", realm.getId()).executeUpdate();
    }

    private static EntityManager em(KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
