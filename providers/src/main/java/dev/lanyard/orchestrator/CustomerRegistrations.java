package dev.lanyard.orchestrator;

import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** The customer registration ids in Lanyard's table, through the session's entity manager (its transaction). */
final class CustomerRegistrations {

    private final EntityManager em;

    CustomerRegistrations(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    Optional<CustomerRegistrationEntity> find(String realmId, String registrationId) {
        return em.createNamedQuery("lanyardCustomerRegistrationById", CustomerRegistrationEntity.class)
                .setParameter("realmId", realmId).setParameter("registrationId", registrationId).getResultStream().findFirst();
    }

    /** Inserts now: a creation racing with the same id meets the unique key here (a PersistenceException). */
    void claim(CustomerRegistrationEntity registration) {
        em.persist(registration);
        em.flush();
    }

    /** A removed person's or realm's ids go with them. */
    static void listen(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof UserModel.UserRemovedEvent removed) {
                new CustomerRegistrations(removed.getKeycloakSession()).em.createNamedQuery("lanyardDeleteCustomerRegistrationOfUser")
                        .setParameter("realmId", removed.getRealm().getId()).setParameter("userId", removed.getUser().getId())
                        .executeUpdate();
            } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
                new CustomerRegistrations(removed.getKeycloakSession()).em.createNamedQuery("lanyardDeleteCustomerRegistrationsOfRealm")
                        .setParameter("realmId", removed.getRealm().getId()).executeUpdate();
            }
        });
    }
}
