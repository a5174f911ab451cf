package dev.lanyard.person;

import dev.lanyard.LanyardProviderFactory;
import dev.lanyard.jpa.AttemptCounters;
import dev.lanyard.entitlement.RoleNumbers;
import dev.lanyard.program.Accounts;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Event listener {@value #ID}: keeps seed 003's {@code lastLoginDatetime} (each LOGIN event of a person). Add it to a
 * realm's event listeners (Realm settings → Events) to have it; the demo realm does. Also removes a deleted person's
 * or realm's records, whether or not a realm listens.
 */
public final class PersonEventListenerFactory implements EventListenerProviderFactory, LanyardProviderFactory<EventListenerProvider> {

    public static final String ID = "lanyard-person";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new EventListenerProvider() {
            @Override
            public void onEvent(Event event) {
                if (event.getType() == EventType.LOGIN && event.getUserId() != null) {
                    PersonRecords.signedIn(session, event.getRealmId(), event.getUserId(), event.getTime());
                }
            }

            @Override
            public void onEvent(AdminEvent event, boolean includeRepresentation) {
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof UserModel.UserRemovedEvent removed) {
                PersonRecords.removeUser(removed.getKeycloakSession(), removed.getUser().getId());
                Accounts.removeUser(removed.getKeycloakSession(), removed.getUser().getId());
            } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
                PersonRecords.removeRealm(removed.getKeycloakSession(), removed.getRealm().getId());
                AttemptCounters.removeRealm(removed.getKeycloakSession(), removed.getRealm());
                RoleNumbers.removeRealm(removed.getKeycloakSession(), removed.getRealm());
                Accounts.removeRealm(removed.getKeycloakSession(), removed.getRealm());
            }
        });
    }
}
