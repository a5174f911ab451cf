package dev.lanyard.api;

import dev.lanyard.concierge.ConciergeResource;
import dev.lanyard.rest.SeedApiProviderFactory;

/** Seed 000's concierge workflow at {@code /realms/{realm}/concierge}: a segment the concierge capability owns whole. */
public final class ConciergeApiProviderFactory extends SeedApiProviderFactory<ConciergeResource> {

    public static final String ID = "concierge";

    public ConciergeApiProviderFactory() {
        super(ID, ConciergeResource.class, ConciergeResource::new);
    }
}
