package dev.lanyard.api;

import dev.lanyard.rest.SeedApiProviderFactory;

/** Seed 000's user API at {@code /realms/{realm}/user}. */
public final class UserApiProviderFactory extends SeedApiProviderFactory<UserApi> {

    public static final String ID = "user";

    public UserApiProviderFactory() {
        super(ID, UserApi.class, UserApi::new);
    }
}
