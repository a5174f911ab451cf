package dev.lanyard.api;

import dev.lanyard.enrollment.EnrollmentEvents;
import dev.lanyard.rest.SeedApiProviderFactory;
import org.keycloak.models.KeycloakSessionFactory;

/** Seed 000's user API at {@code /realms/{realm}/user}. */
public final class UserApiProviderFactory extends SeedApiProviderFactory<UserApi> {

    public static final String ID = "user";

    public UserApiProviderFactory() {
        super(ID, UserApi.class, UserApi::new);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        EnrollmentEvents.listen(factory);
    }
}
