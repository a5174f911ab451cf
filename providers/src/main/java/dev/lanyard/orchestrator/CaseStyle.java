package dev.lanyard.orchestrator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The two models of seed 002: "The old model is in PascalCase, while the new model is in CamelCase". The old path
 * ({@code /User/Passwordless}) reads and answers {@code Email}, the new one ({@code /v4/Users}) {@code email}. Names
 * are written here in camelCase and turned into the path's style.
 */
public enum CaseStyle {

    CAMEL, PASCAL;

    public String name(String camel) {
        return this == CAMEL ? camel : Character.toUpperCase(camel.charAt(0)) + camel.substring(1);
    }

    /** An answer's fields, renamed into this style, in their order. */
    public Map<String, Object> answer(Map<String, Object> camel) {
        Map<String, Object> renamed = new LinkedHashMap<>();
        camel.forEach((field, value) -> renamed.put(name(field), value));
        return renamed;
    }
}
