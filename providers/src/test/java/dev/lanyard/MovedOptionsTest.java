package dev.lanyard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.keycloak.Config;

class MovedOptionsTest {

    @Test
    void theNewNameWinsAndTheOldOneStillWorks() {
        Config.Scope own = scope(Map.of("list-source", "/new"));
        Config.Scope old = scope(Map.of("list-source", "/old", "refresh-hours", "6", "unrelated", "x"));
        Config.Scope options = new MovedOptions(own, "spi-new--", old, "", "spi-old--", Set.of("list-source", "refresh-hours"));

        assertEquals("/new", options.get("list-source"));
        assertEquals(6, options.getInt("refresh-hours", 24));
        assertNull(options.get("unrelated"), "only the options that moved are read from the old place");
        assertEquals(30, options.getInt("timeout-seconds", 30));
    }

    @Test
    void anOldPrefixIsPartOfTheOldName() {
        Config.Scope old = scope(Map.of("revalidation-chunk-size", "10"));
        Config.Scope options = new MovedOptions(scope(Map.of()), "spi-new--", old, "revalidation-", "spi-old--",
                Set.of("chunk-size"));

        assertEquals(10, options.getInt("chunk-size", 50));
        assertEquals(50, WorkerOptions.read(new MovedOptions(scope(Map.of()), "n", scope(Map.of()), "revalidation-", "o",
                Set.of("chunk-size")), "", 50).chunkSize());
        assertEquals(10, WorkerOptions.read(options, "", 50).chunkSize());
    }

    /** A config scope holding these values, as Keycloak hands one to a factory's init. */
    static Config.Scope scope(Map<String, String> values) {
        return new Config.Scope() {
            @Override
            public String get(String key) {
                return values.get(key);
            }

            @Override
            public String get(String key, String defaultValue) {
                return values.getOrDefault(key, defaultValue);
            }

            @Override
            public String[] getArray(String key) {
                String value = values.get(key);
                return value == null ? null : value.split(",");
            }

            @Override
            public Integer getInt(String key, Integer defaultValue) {
                String value = values.get(key);
                return value == null ? defaultValue : Integer.valueOf(value);
            }

            @Override
            public Long getLong(String key, Long defaultValue) {
                String value = values.get(key);
                return value == null ? defaultValue : Long.valueOf(value);
            }

            @Override
            public Boolean getBoolean(String key, Boolean defaultValue) {
                String value = values.get(key);
                return value == null ? defaultValue : Boolean.valueOf(value);
            }

            @Override
            public Config.Scope scope(String... scope) {
                return this;
            }

            @Override
            public Set<String> getPropertyNames() {
                return values.keySet();
            }

            @Override
            public Config.Scope root() {
                return this;
            }
        };
    }
}
