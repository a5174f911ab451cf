package dev.lanyard.siteregistration;

import dev.lanyard.LanyardSpi;

/** SPI {@value #NAME}: people's registrations to sites. */
public final class SiteRegistrationSpi extends LanyardSpi {

    public static final String NAME = "lanyard-site-registration";

    public SiteRegistrationSpi() {
        super(NAME, SiteRegistrationProvider.class, SiteRegistrationProviderFactory.class);
    }
}
