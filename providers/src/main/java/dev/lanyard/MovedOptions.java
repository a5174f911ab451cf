package dev.lanyard;

import java.util.Set;

import org.jboss.logging.Logger;
import org.keycloak.Config;

/**
 * A provider's options read from its own scope and, for options that lived elsewhere in an older release, from
 * their old place too, for one release: an old name still works, with a WARN in the log naming the new one.
 * The new name wins when both are set. Wraps the provider's scope, so the provider reads its options as usual.
 */
public final class MovedOptions implements Config.Scope {

    private static final Logger LOG = Logger.getLogger(MovedOptions.class);

    private final Config.Scope current;
    private final String currentPrefix;
    private final Config.Scope old;
    private final String oldPrefix;
    private final String oldPrefixForMessages;
    private final Set<String> moved;

    /**
     * @param current              the provider's own scope
     * @param currentPrefix        the option prefix of the new names, for messages ({@code spi-lanyard-screening--default--})
     * @param old                  the scope the options were read from before
     * @param oldPrefix            the prefix the old names had within {@code old} (often empty)
     * @param oldPrefixForMessages the old names' option prefix, for messages ({@code spi-events-listener--lanyard-screening--})
     * @param moved                the option names (new names, without prefix) that moved
     */
    public MovedOptions(Config.Scope current, String currentPrefix, Config.Scope old, String oldPrefix,
                        String oldPrefixForMessages, Set<String> moved) {
        this.current = current;
        this.currentPrefix = currentPrefix;
        this.old = old;
        this.oldPrefix = oldPrefix;
        this.oldPrefixForMessages = oldPrefixForMessages;
        this.moved = Set.copyOf(moved);
    }

    @Override
    public String get(String key) {
        String value = current.get(key);
        if (value != null || !moved.contains(key)) {
            return value;
        }
        String fallback = old.get(oldPrefix + key);
        if (fallback != null) {
            LOG.warnf("The option --%s%s%s is deprecated and will be removed in the next release; use --%s%s", oldPrefixForMessages,
                    oldPrefix, key, currentPrefix, key);
        }
        return fallback;
    }

    @Override
    public String get(String key, String defaultValue) {
        String value = get(key);
        return value == null ? defaultValue : value;
    }

    @Override
    public String[] getArray(String key) {
        String value = get(key);
        return value == null ? null : value.split(",");
    }

    @Override
    public Integer getInt(String key) {
        String value = get(key);
        return value == null || value.isBlank() ? null : Integer.valueOf(value.trim());
    }

    @Override
    public Integer getInt(String key, Integer defaultValue) {
        Integer value = getInt(key);
        return value == null ? defaultValue : value;
    }

    @Override
    public Long getLong(String key) {
        String value = get(key);
        return value == null || value.isBlank() ? null : Long.valueOf(value.trim());
    }

    @Override
    public Long getLong(String key, Long defaultValue) {
        Long value = getLong(key);
        return value == null ? defaultValue : value;
    }

    @Override
    public Boolean getBoolean(String key) {
        String value = get(key);
        return value == null || value.isBlank() ? null : Boolean.valueOf(value.trim());
    }

    @Override
    public Boolean getBoolean(String key, Boolean defaultValue) {
        Boolean value = getBoolean(key);
        return value == null ? defaultValue : value;
    }

    @Override
    public Config.Scope scope(String... scope) {
        return current.scope(scope);
    }

    @Override
    public Set<String> getPropertyNames() {
        return current.getPropertyNames();
    }

    @Override
    public Config.Scope root() {
        return current.root();
    }
}
