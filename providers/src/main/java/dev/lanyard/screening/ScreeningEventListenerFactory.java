package dev.lanyard.screening;

import dev.lanyard.LanyardProviderFactory;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;

/**
 * Event listener {@code lanyard-screening}: add it to a realm's event listeners to screen its people. The SDN list
 * and its options belong to the screening SPI ({@link DefaultScreeningProviderFactory}).
 */
public final class ScreeningEventListenerFactory implements EventListenerProviderFactory, LanyardProviderFactory<EventListenerProvider> {

    public static final String ID = "lanyard-screening";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new ScreeningEventListener(session);
    }
}
