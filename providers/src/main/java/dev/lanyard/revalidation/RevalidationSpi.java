package dev.lanyard.revalidation;

import dev.lanyard.LanyardSpi;

/** SPI {@value #NAME}: revalidation (OFAC, MOE), options {@code --spi-lanyard-revalidation--default--<name>}. */
public final class RevalidationSpi extends LanyardSpi {

    public static final String NAME = "lanyard-revalidation";

    public RevalidationSpi() {
        super(NAME, RevalidationProvider.class, RevalidationProviderFactory.class);
    }
}
