package dev.lanyard.orchestrator;

import org.keycloak.models.KeycloakSessionFactory;

/** What the users orchestrator does on the server's events: a removed person's or realm's registration ids go with them. */
public final class OrchestratorEvents {

    private OrchestratorEvents() {
    }

    public static void listen(KeycloakSessionFactory factory) {
        CustomerRegistrations.listen(factory);
    }
}
