package dev.lanyard.alias;

import dev.lanyard.LanyardSpi;

/** SPI {@value #NAME}: login aliases, options {@code --spi-lanyard-alias--default--<name>}. */
public final class AliasSpi extends LanyardSpi {

    public static final String NAME = "lanyard-alias";

    public AliasSpi() {
        super(NAME, AliasProvider.class, AliasProviderFactory.class);
    }
}
