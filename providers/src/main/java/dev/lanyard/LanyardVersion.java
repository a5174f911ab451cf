package dev.lanyard;

import java.util.Map;

/** The pack's version, from the jar manifest; shown in the admin console's provider info. */
public final class LanyardVersion {

    private LanyardVersion() {
    }

    public static String version() {
        String version = LanyardVersion.class.getPackage().getImplementationVersion();
        return version != null ? version : "development";
    }

    /** For {@code ServerInfoAwareProviderFactory}: every Lanyard provider reports the pack version. */
    public static Map<String, String> operationalInfo() {
        return Map.of("lanyard-version", version());
    }
}
