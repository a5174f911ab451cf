package dev.lanyard;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * An SPI of Lanyard's own: a capability other packages call through {@code session.getProvider(...)}. Its options
 * are {@code --spi-<name>--<provider id>--<option>}; not internal, so Keycloak's server info lists it.
 */
public abstract class LanyardSpi implements Spi {

    private final String name;
    private final Class<? extends Provider> provider;
    private final Class<? extends ProviderFactory> factory;

    protected LanyardSpi(String name, Class<? extends Provider> provider, Class<? extends ProviderFactory> factory) {
        this.name = name;
        this.provider = provider;
        this.factory = factory;
    }

    @Override
    public final boolean isInternal() {
        return false;
    }

    @Override
    public final String getName() {
        return name;
    }

    @Override
    public final Class<? extends Provider> getProviderClass() {
        return provider;
    }

    @Override
    public final Class<? extends ProviderFactory> getProviderFactoryClass() {
        return factory;
    }
}
