package dev.lanyard.api;

import dev.lanyard.rest.SeedApiProviderFactory;

/** Seed 003's auth service at {@code /realms/{realm}/auth}. */
public final class AuthApiProviderFactory extends SeedApiProviderFactory<AuthApi> {

    public static final String ID = "auth";

    public AuthApiProviderFactory() {
        super(ID, AuthApi.class, AuthApi::new);
    }
}
