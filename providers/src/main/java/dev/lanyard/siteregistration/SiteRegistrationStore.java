package dev.lanyard.siteregistration;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.type.TypeReference;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.util.JsonSerialization;

/** Site registrations in Lanyard's table, through the session's entity manager (its transaction). */
final class SiteRegistrationStore {

    private static final TypeReference<LinkedHashMap<String, String>> ATTRIBUTES = new TypeReference<>() {
    };

    private final EntityManager em;

    SiteRegistrationStore(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    Optional<SiteRegistrationEntity> find(String realmId, String siteId, String userId) {
        return em.createNamedQuery("lanyardSiteRegistration", SiteRegistrationEntity.class).setParameter("realmId", realmId)
                .setParameter("siteId", siteId).setParameter("userId", userId).getResultStream().findFirst();
    }

    /** Creates or replaces the person's registration to the site; true when it is new. */
    boolean save(String realmId, String siteId, String userId, Map<String, String> attributes) {
        long now = Time.currentTimeMillis();
        Optional<SiteRegistrationEntity> existing = find(realmId, siteId, userId);
        SiteRegistrationEntity registration = existing.orElseGet(() -> {
            SiteRegistrationEntity created = new SiteRegistrationEntity();
            created.setId(KeycloakModelUtils.generateId());
            created.setRealmId(realmId);
            created.setSiteId(siteId);
            created.setUserId(userId);
            created.setCreatedAt(now);
            return created;
        });
        registration.setAttributes(write(attributes));
        registration.setUpdatedAt(now);
        if (existing.isEmpty()) {
            em.persist(registration);
        }
        em.flush(); // a registration made at the same moment by another request meets the unique key here
        return existing.isEmpty();
    }

    Map<String, Long> sitesOf(String realmId, String userId) {
        Map<String, Long> sites = new LinkedHashMap<>();
        em.createNamedQuery("lanyardSiteRegistrationsOfUser", SiteRegistrationEntity.class).setParameter("realmId", realmId)
                .setParameter("userId", userId).getResultStream().forEach(r -> sites.put(r.getSiteId(), r.getCreatedAt()));
        return sites;
    }

    List<String> peopleOfSites(String realmId, Collection<String> siteIds, int first, int max) {
        return em.createNamedQuery("lanyardPeopleOfSites", String.class).setParameter("realmId", realmId).setParameter("siteIds", siteIds)
                .setFirstResult(first).setMaxResults(max).getResultList();
    }

    void remove(SiteRegistrationEntity registration) {
        em.remove(registration);
    }

    void deleteUser(String realmId, String userId) {
        em.createNamedQuery("lanyardDeleteSiteRegistrationsOfUser").setParameter("realmId", realmId).setParameter("userId", userId)
                .executeUpdate();
    }

    void deleteSite(String realmId, String siteId) {
        em.createNamedQuery("lanyardDeleteSiteRegistrationsOfSite").setParameter("realmId", realmId).setParameter("siteId", siteId)
                .executeUpdate();
    }

    void deleteRealm(String realmId) {
        em.createNamedQuery("lanyardDeleteSiteRegistrationsOfRealm").setParameter("realmId", realmId).executeUpdate();
    }

    static Map<String, String> read(SiteRegistrationEntity registration) {
        if (registration.getAttributes() == null || registration.getAttributes().isBlank()) {
            return Map.of();
        }
        try {
            return JsonSerialization.readValue(registration.getAttributes(), ATTRIBUTES);
        } catch (IOException unreadable) {
            return Map.of();
        }
    }

    private static String write(Map<String, String> attributes) {
        try {
            return JsonSerialization.writeValueAsString(attributes);
        } catch (IOException e) {
            throw new IllegalStateException("Attributes of strings are always JSON", e);
        }
    }
}
