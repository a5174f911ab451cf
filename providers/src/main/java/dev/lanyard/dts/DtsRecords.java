package dev.lanyard.dts;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lanyard.RealmSecrets;
import dev.lanyard.rest.ApiError;
import dev.lanyard.rest.ErrorCodes;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Seed 000's DTS user details: a versioned JSON document (at most {@value #MAX_DETAILS} characters) per record, linked to
 * a Keycloak user. A save names the version it read; the update is a conditional UPDATE on that version, so of two
 * writers of one version exactly one wins and the other gets 409 {@value #VERSION_CONFLICT}. The DTS token is sealed
 * with the realm's AES key ({@link RealmSecrets}) and only {@code find-for-update} returns it.
 */
public final class DtsRecords {

    static final String DTS_NOT_FOUND = "DTS_NOT_FOUND";
    static final String VERSION_CONFLICT = "VERSION_CONFLICT";
    static final String VERSION_REQUIRED = "VERSION_REQUIRED";
    static final String USER_NOT_FOUND = "USER_NOT_FOUND";
    static final int MAX_DETAILS = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeycloakSession session;
    private final RealmModel realm;
    private final EntityManager em;

    DtsRecords(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    /** Creates a record (no {@code recordId}) or updates one at {@code version}; answers its id and new version. */
    Map<String, Object> save(String userId, JsonNode details, String dtsToken, String recordId, Integer version) {
        UserModel user = userId.matches("[0-9a-fA-F-]{36}") ? session.users().getUserById(realm, userId) : null;
        if (user == null || user.getServiceAccountClientLink() != null) {
            throw ApiError.notFound(USER_NOT_FOUND, "No user of this realm has this userId.");
        }
        String text = details.toString();
        if (text.length() > MAX_DETAILS) {
            throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "details is larger than " + MAX_DETAILS + " characters.");
        }
        String sealed = dtsToken == null ? null : new RealmSecrets(session, realm).seal(dtsToken);
        long now = Time.currentTimeMillis();
        if (recordId == null) {
            DtsRecordEntity record = new DtsRecordEntity();
            record.setId(UUID.randomUUID().toString());
            record.setRealmId(realm.getId());
            record.setUserId(user.getId());
            record.setDetails(text);
            record.setTokenSealed(sealed);
            record.setVersion(1);
            record.setCreatedAt(now);
            record.setUpdatedAt(now);
            em.persist(record);
            return answer(record.getId(), 1);
        }
        DtsRecordEntity record = require(recordId);
        if (!record.getUserId().equals(user.getId())) {
            throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "This record belongs to another user than userId.");
        }
        if (version == null) {
            throw ApiError.badRequest(VERSION_REQUIRED, "An update names the version it read (find-for-update).");
        }
        int changed = em.createNamedQuery("lanyardUpdateDtsRecord").setParameter("details", text)
                .setParameter("token", sealed != null ? sealed : record.getTokenSealed()).setParameter("now", now)
                .setParameter("id", recordId).setParameter("realmId", realm.getId()).setParameter("version", version).executeUpdate();
        if (changed != 1) {
            throw new ApiError(409, VERSION_CONFLICT, "The record changed since that version; read it again with find-for-update.");
        }
        return answer(recordId, version + 1);
    }

    /** The record as {@code find} shows it; {@code withToken} (find-for-update) adds the DTS token. */
    Map<String, Object> view(String recordId, boolean withToken) {
        DtsRecordEntity record = require(recordId);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("userDetailsId", record.getId());
        view.put("userId", record.getUserId());
        try {
            view.put("details", JSON.readTree(record.getDetails()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("An unreadable DTS record", e);
        }
        view.put("version", record.getVersion());
        view.put("createdDate", record.getCreatedAt());
        view.put("lastUpdatedDate", record.getUpdatedAt());
        if (withToken) {
            view.put("dtsToken", record.getTokenSealed() == null ? null : new RealmSecrets(session, realm).open(record.getTokenSealed()));
        }
        return view;
    }

    void delete(String recordId) {
        em.remove(require(recordId));
    }

    private DtsRecordEntity require(String recordId) {
        DtsRecordEntity record = recordId != null && recordId.matches("[0-9a-fA-F-]{36}") ? em.find(DtsRecordEntity.class, recordId) : null;
        if (record == null || !record.getRealmId().equals(realm.getId())) {
            throw ApiError.notFound(DTS_NOT_FOUND, "No DTS user details with this userDetailsId.");
        }
        return record;
    }

    private static Map<String, Object> answer(String id, int version) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("userDetailsId", id);
        answer.put("version", version);
        return answer;
    }

    /** A removed user's records go with the user; a removed realm's with the realm. */
    public static void listen(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof UserModel.UserRemovedEvent removed) {
                removeUser(removed.getKeycloakSession(), removed.getUser().getId());
            } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
                removeRealm(removed.getKeycloakSession(), removed.getRealm());
            }
        });
    }

    static void removeUser(KeycloakSession session, String userId) {
        session.getProvider(JpaConnectionProvider.class).getEntityManager().createNamedQuery("lanyardDeleteDtsRecordsOfUser")
                .setParameter("userId", userId).executeUpdate();
    }

    static void removeRealm(KeycloakSession session, RealmModel realm) {
        session.getProvider(JpaConnectionProvider.class).getEntityManager().createNamedQuery("lanyardDeleteDtsRecordsOfRealm")
                .setParameter("realmId", realm.getId()).executeUpdate();
    }
}
