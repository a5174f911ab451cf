package dev.lanyard.api;

import dev.lanyard.rest.SeedApiProviderFactory;

/** Seed 002's old users orchestrator path at {@code /realms/{realm}/User}. */
public final class LegacyUserApiProviderFactory extends SeedApiProviderFactory<LegacyUserApi> {

    public static final String ID = "User";

    public LegacyUserApiProviderFactory() {
        super(ID, LegacyUserApi.class, LegacyUserApi::new);
    }
}
