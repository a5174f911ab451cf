package dev.lanyard.program;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import dev.lanyard.rest.ApiError;
import dev.lanyard.userdata.ResponseDetail;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Seed 004's accounts of a program (Lanyard's own: the seed has no endpoint to open one): open one for a Keycloak
 * user (pending), change its status (pending → active, locked, closed), and find an account and its users. Activation
 * is where the SSN and phone limits count ({@link AccountLimits}).
 */
public final class Accounts {

    public static final String ACCOUNT_NOT_FOUND = "ACCOUNT_NOT_FOUND";
    public static final String USER_NOT_FOUND = "USER_NOT_FOUND";
    public static final String INVALID_STATUS = "INVALID_STATUS";
    public static final String PENDING = "pending";
    public static final String ACTIVE = "active";
    public static final String LOCKED = "locked";
    public static final String CLOSED = "closed";
    static final Set<String> STATUSES = Set.of(ACTIVE, LOCKED, CLOSED);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final Programs.Program program;
    private final EntityManager em;

    public Accounts(KeycloakSession session, RealmModel realm, Programs.Program program) {
        this.session = session;
        this.realm = realm;
        this.program = program;
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    /** A new pending account of the program with {@code userId} (a user of this realm) as its user. */
    public AccountEntity open(String userId, String productCode) {
        UserModel user = userId == null || !isUuid(userId) ? null : session.users().getUserById(realm, userId);
        if (user == null || user.getServiceAccountClientLink() != null) {
            throw ApiError.notFound(USER_NOT_FOUND, "No user of this realm has this userIdentifier.").withDetail("subCode", 952);
        }
        long now = Time.currentTimeMillis();
        AccountEntity account = new AccountEntity();
        account.setId(UUID.randomUUID().toString());
        account.setRealmId(realm.getId());
        account.setProgramCode(program.code());
        account.setProductCode(productCode);
        account.setStatus(PENDING);
        account.setCreatedAt(now);
        em.persist(account);
        AccountUserEntity link = new AccountUserEntity();
        link.setAccountId(account.getId());
        link.setUserId(user.getId());
        link.setRealmId(realm.getId());
        link.setPeerTransfer("manual");
        link.setCreatedAt(now);
        link.setUpdatedAt(now);
        em.persist(link);
        return account;
    }

    /** The program's account of this identifier; 404 for another program's, another realm's or none. */
    public AccountEntity require(String accountIdentifier) {
        AccountEntity account = accountIdentifier == null || !isUuid(accountIdentifier) ? null : em.find(AccountEntity.class, accountIdentifier);
        if (account == null || !account.getRealmId().equals(realm.getId()) || !account.getProgramCode().equals(program.code())) {
            throw ApiError.notFound(ACCOUNT_NOT_FOUND, "This program has no account with this identifier.").withDetail("subCode", 951);
        }
        return account;
    }

    public AccountUserEntity requireUser(AccountEntity account, String userIdentifier) {
        AccountUserEntity link = userIdentifier == null || !isUuid(userIdentifier) ? null
                : em.find(AccountUserEntity.class, new AccountUserEntity.Key(account.getId(), userIdentifier));
        if (link == null) {
            throw ApiError.notFound(USER_NOT_FOUND, "This account has no user with this identifier.").withDetail("subCode", 952);
        }
        return link;
    }

    public List<AccountUserEntity> users(AccountEntity account) {
        return em.createNamedQuery("lanyardUsersOfAccount", AccountUserEntity.class).setParameter("accountId", account.getId()).getResultList();
    }

    /**
     * Sets the status; activation counts against the limits first (400 with the seed's code when one would break).
     * A closed account stays closed.
     */
    public void setStatus(AccountEntity account, String status) {
        if (!STATUSES.contains(status)) {
            throw ApiError.badRequest(INVALID_STATUS, "status is active, locked or closed.").withDetail("subCode", 953);
        }
        if (CLOSED.equals(account.getStatus()) && !CLOSED.equals(status)) {
            throw new ApiError(409, INVALID_STATUS, "A closed account cannot be reopened.").withDetail("subCode", 954);
        }
        if (ACTIVE.equals(status) && !ACTIVE.equals(account.getStatus())) {
            List<AccountLimits.Identifier> identifiers = currentIdentifiers(account);
            AccountLimits limits = limits();
            limits.lock(identifiers);
            em.refresh(account);
            ResponseDetail broken = limits.broken(account.getId(), identifiers);
            if (broken != null) {
                throw limitBroken(broken);
            }
            markActivated(account);
            if (account.getActivatedAt() == null) {
                account.setActivatedAt(Time.currentTimeMillis());
            }
        }
        account.setStatus(status);
    }

    AccountLimits limits() {
        return new AccountLimits(em, session.getKeycloakSessionFactory(), realm.getId(), program.code());
    }

    List<AccountLimits.Identifier> currentIdentifiers(AccountEntity account) {
        List<AccountLimits.Identifier> current = new ArrayList<>();
        em.createNamedQuery("lanyardIdentifiersOfAccount", AccountIdentifierEntity.class).setParameter("accountId", account.getId())
                .getResultStream().filter(AccountIdentifierEntity::isCurrent).forEach(i -> current.add(new AccountLimits.Identifier(i.getKind(), i.getHash())));
        return current;
    }

    /** Records that the account now holds these identifiers of {@code kind} (and no longer its others of that kind). */
    void hold(AccountEntity account, String kind, List<String> hashes) {
        List<AccountIdentifierEntity> existing = em.createNamedQuery("lanyardIdentifiersOfAccount", AccountIdentifierEntity.class)
                .setParameter("accountId", account.getId()).getResultList();
        for (AccountIdentifierEntity row : existing) {
            if (row.getKind().equals(kind)) {
                row.setCurrent(hashes.contains(row.getHash()));
            }
        }
        for (String hash : hashes) {
            if (existing.stream().noneMatch(r -> r.getKind().equals(kind) && r.getHash().equals(hash))) {
                AccountIdentifierEntity row = new AccountIdentifierEntity();
                row.setAccountId(account.getId());
                row.setKind(kind);
                row.setHash(hash);
                row.setRealmId(realm.getId());
                row.setProgramCode(program.code());
                row.setCurrent(true);
                row.setActivated(ACTIVE.equals(account.getStatus()));
                em.persist(row);
            }
        }
    }

    private void markActivated(AccountEntity account) {
        em.createNamedQuery("lanyardIdentifiersOfAccount", AccountIdentifierEntity.class).setParameter("accountId", account.getId())
                .getResultStream().filter(AccountIdentifierEntity::isCurrent).forEach(i -> i.setActivated(true));
    }

    static ApiError limitBroken(ResponseDetail broken) {
        return ApiError.badRequest("ACCOUNT_LIMIT", broken.description()).withDetail(dev.lanyard.rest.SeedEnvelope.RESPONSE_DETAILS, List.of(broken));
    }

    static boolean isUuid(String value) {
        return value.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    }

    /** A removed user leaves their accounts (the accounts and their limits' history stay). */
    public static void removeUser(KeycloakSession session, String userId) {
        session.getProvider(JpaConnectionProvider.class).getEntityManager().createNamedQuery("lanyardDeleteAccountUsersOfUser")
                .setParameter("userId", userId).executeUpdate();
    }

    public static void removeRealm(KeycloakSession session, RealmModel realm) {
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        for (String query : List.of("lanyardDeleteIdentifiersOfRealm", "lanyardDeleteIdentifierLocksOfRealm", "lanyardDeleteAccountUsersOfRealm",
                "lanyardDeleteAccountsOfRealm")) {
            em.createNamedQuery(query).setParameter("realmId", realm.getId()).executeUpdate();
        }
    }
}
