package dev.lanyard.api;

import dev.lanyard.rest.SeedApiProviderFactory;

/** Seed 004's banking Users API at {@code /realms/{realm}/programs}. */
public final class ProgramsApiProviderFactory extends SeedApiProviderFactory<ProgramsApi> {

    public static final String ID = "programs";

    public ProgramsApiProviderFactory() {
        super(ID, ProgramsApi.class, ProgramsApi::new);
    }
}
