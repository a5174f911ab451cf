package dev.lanyard.siteregistration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The attributes a site takes for its registrations, declared on the site's client as the attribute
 * {@value #CLIENT_ATTRIBUTE}: comma-separated {@code name:maxLength} or {@code name:maxLength:required}, e.g.
 * {@code loyaltyNumber:20:required,newsletter:5}. Names are letters and digits starting with a letter; values are
 * strings. A site without the attribute takes none. Plain logic: unit-tested without a server.
 */
public record SiteAttributes(Map<String, Declared> declared) {

    public static final String CLIENT_ATTRIBUTE = "lanyard.site-attributes";
    static final int MAX_LENGTH_LIMIT = 1024;
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    public record Declared(String name, int maxLength, boolean required) {
    }

    /** What a submitted set of attributes breaks: unknown names, missing required ones, values too long. */
    public record Problems(List<String> unknown, List<String> missing, List<String> tooLong) {
        public boolean none() {
            return unknown.isEmpty() && missing.isEmpty() && tooLong.isEmpty();
        }
    }

    /** Reads the client attribute; an entry that does not parse is left out (and so refused when submitted). */
    public static SiteAttributes parse(String declaration) {
        Map<String, Declared> declared = new LinkedHashMap<>();
        if (declaration != null) {
            for (String entry : declaration.split(",")) {
                String[] parts = entry.trim().split(":");
                if (parts.length < 2 || parts.length > 3 || !NAME.matcher(parts[0].trim()).matches()) {
                    continue;
                }
                try {
                    int max = Integer.parseInt(parts[1].trim());
                    boolean required = parts.length == 3 && "required".equalsIgnoreCase(parts[2].trim());
                    if (max >= 1 && max <= MAX_LENGTH_LIMIT && (parts.length == 2 || required)) {
                        declared.put(parts[0].trim(), new Declared(parts[0].trim(), max, required));
                    }
                } catch (NumberFormatException ignored) {
                    // not a declaration
                }
            }
        }
        return new SiteAttributes(Map.copyOf(declared));
    }

    public Problems check(Map<String, String> submitted) {
        List<String> unknown = new ArrayList<>();
        List<String> tooLong = new ArrayList<>();
        for (Map.Entry<String, String> attribute : submitted.entrySet()) {
            Declared declaration = declared.get(attribute.getKey());
            if (declaration == null) {
                unknown.add(attribute.getKey());
            } else if (attribute.getValue().length() > declaration.maxLength()) {
                tooLong.add(attribute.getKey());
            }
        }
        List<String> missing = declared.values().stream().filter(Declared::required)
                .map(Declared::name).filter(name -> !submitted.containsKey(name)).sorted().toList();
        return new Problems(List.copyOf(unknown), missing, List.copyOf(tooLong));
    }
}
