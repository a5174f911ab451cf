package dev.lanyard.api;

import dev.lanyard.orchestrator.OrchestratorEvents;
import dev.lanyard.rest.SeedApiProviderFactory;
import org.keycloak.models.KeycloakSessionFactory;

/** Seed 002's users orchestrator at {@code /realms/{realm}/v4}. */
public final class V4ApiProviderFactory extends SeedApiProviderFactory<V4Api> {

    public static final String ID = "v4";

    public V4ApiProviderFactory() {
        super(ID, V4Api.class, V4Api::new);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        OrchestratorEvents.listen(factory);
    }
}
