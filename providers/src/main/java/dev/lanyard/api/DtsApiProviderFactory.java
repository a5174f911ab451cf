package dev.lanyard.api;

import dev.lanyard.dts.DtsRecords;
import dev.lanyard.dts.DtsResource;
import dev.lanyard.rest.SeedApiProviderFactory;
import org.keycloak.models.KeycloakSessionFactory;

/** Seed 000's DTS integration at {@code /realms/{realm}/dts}: a segment the DTS capability owns whole. */
public final class DtsApiProviderFactory extends SeedApiProviderFactory<DtsResource> {

    public static final String ID = "dts";

    public DtsApiProviderFactory() {
        super(ID, DtsResource.class, DtsResource::new);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        DtsRecords.listen(factory);
    }
}
