package dev.lanyard.screening;

import dev.lanyard.LanyardSpi;

/** SPI {@value #NAME}: sanctions screening, options {@code --spi-lanyard-screening--default--<name>}. */
public final class ScreeningSpi extends LanyardSpi {

    public static final String NAME = "lanyard-screening";

    public ScreeningSpi() {
        super(NAME, ScreeningProvider.class, ScreeningProviderFactory.class);
    }
}
