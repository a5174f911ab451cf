package dev.lanyard.migration;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.lanyard.ConfigValues;

/**
 * The settings of one {@code lanyard-legacy} user federation, read from its component config.
 * Plain values so the legacy client and the unit tests need no Keycloak types.
 */
public record LegacySettings(URI baseUrl, LegacyAuth auth, String authUser, String authSecret, URI tokenUrl,
                             int connectTimeoutMillis, int readTimeoutMillis, String tenantName,
                             Map<String, String> roleMapping, boolean importAndUnlink, int outageCooldownSeconds) {

    public static final String BASE_URL = "legacyBaseUrl";
    public static final String AUTH_TYPE = "legacyAuthType";
    public static final String AUTH_USER = "legacyAuthUser";
    public static final String AUTH_SECRET = "legacyAuthSecret";
    public static final String TOKEN_URL = "legacyTokenUrl";
    public static final String CONNECT_TIMEOUT = "connectTimeoutMillis";
    public static final String READ_TIMEOUT = "readTimeoutMillis";
    public static final String TENANT_NAME = "tenantName";
    public static final String ROLE_MAPPING = "roleMapping";
    public static final String IMPORT_AND_UNLINK = "importAndUnlink";
    public static final String OUTAGE_COOLDOWN = "outageCooldownSeconds";

    static final int DEFAULT_CONNECT_TIMEOUT = 2000;
    static final int DEFAULT_READ_TIMEOUT = 3000;
    static final int MAX_TIMEOUT = 30_000;
    static final int DEFAULT_OUTAGE_COOLDOWN = 30;
    static final int MAX_OUTAGE_COOLDOWN = 600;

    /** How Lanyard authenticates to the legacy API. */
    public enum LegacyAuth {
        NONE, BASIC, BEARER, CLIENT_CREDENTIALS;

        static LegacyAuth parse(String value) {
            if (value == null || value.isBlank()) {
                return NONE;
            }
            return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    /** Reads a component config given as name → values; throws {@link IllegalArgumentException} naming the bad field. */
    public static LegacySettings from(Map<String, List<String>> config) {
        String base = first(config, BASE_URL);
        if (base == null || base.isBlank()) {
            throw new IllegalArgumentException("Legacy base URL is required");
        }
        URI baseUrl = httpUrl(base.trim(), "Legacy base URL");
        LegacyAuth auth;
        try {
            auth = LegacyAuth.parse(first(config, AUTH_TYPE));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Authentication to the legacy API must be one of none, basic, bearer, client-credentials");
        }
        String user = trimmed(first(config, AUTH_USER));
        String secret = first(config, AUTH_SECRET);
        URI tokenUrl = null;
        if (auth == LegacyAuth.BASIC && (user == null || secret == null || secret.isEmpty())) {
            throw new IllegalArgumentException("Basic authentication needs a user name and a password");
        }
        if (auth == LegacyAuth.BEARER && (secret == null || secret.isEmpty())) {
            throw new IllegalArgumentException("Bearer authentication needs a token");
        }
        if (auth == LegacyAuth.CLIENT_CREDENTIALS) {
            String token = trimmed(first(config, TOKEN_URL));
            if (token == null || user == null || secret == null || secret.isEmpty()) {
                throw new IllegalArgumentException("Client credentials need a token URL, a client ID and a client secret");
            }
            tokenUrl = httpUrl(token, "Token URL");
        }
        return new LegacySettings(baseUrl, auth, user, secret, tokenUrl,
                ConfigValues.integer(first(config, CONNECT_TIMEOUT), DEFAULT_CONNECT_TIMEOUT, 100, MAX_TIMEOUT),
                ConfigValues.integer(first(config, READ_TIMEOUT), DEFAULT_READ_TIMEOUT, 100, MAX_TIMEOUT),
                trimmed(first(config, TENANT_NAME)),
                roleMapping(config.getOrDefault(ROLE_MAPPING, List.of())),
                ConfigValues.bool(first(config, IMPORT_AND_UNLINK), true),
                ConfigValues.integer(first(config, OUTAGE_COOLDOWN), DEFAULT_OUTAGE_COOLDOWN, 0, MAX_OUTAGE_COOLDOWN));
    }

    /** "LEGACY_ROLE=keycloak-role" lines; a legacy role without a line maps to the realm role of the same name, if any. */
    static Map<String, String> roleMapping(List<String> lines) {
        Map<String, String> mapping = new LinkedHashMap<>();
        for (String line : lines) {
            if (line == null || line.isBlank()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0 || eq == line.length() - 1) {
                throw new IllegalArgumentException("Role mapping lines read LEGACY_ROLE=keycloak-role, not '" + line.strip() + "'");
            }
            mapping.put(line.substring(0, eq).trim().toUpperCase(Locale.ROOT), line.substring(eq + 1).trim());
        }
        return Map.copyOf(mapping);
    }

    /** The Keycloak realm role a legacy role becomes. */
    public String realmRoleFor(String legacyRole) {
        return roleMapping.getOrDefault(legacyRole.toUpperCase(Locale.ROOT), legacyRole);
    }

    /** Base URL without a trailing slash, then the seed path. */
    URI resolve(String path) {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    private static URI httpUrl(String value, String label) {
        try {
            URI uri = new URI(value);
            if (uri.getHost() == null || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                throw new IllegalArgumentException(label + " must be an http or https URL");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(label + " is not a URL");
        }
    }

    private static String first(Map<String, List<String>> config, String name) {
        List<String> values = config.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    @Override
    public String toString() {
        // The secret stays out of logs and exception messages.
        return "LegacySettings[" + baseUrl + ", auth " + auth + ", tenant " + tenantName + "]";
    }
}
