package dev.lanyard.enrollment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The terms a site requires its people to accept, from its client attribute {@value #CLIENT_ATTRIBUTE}
 * ({@code termsIdentifier:version}, comma-separated; e.g. {@code demo-terms:2026-01,privacy:3}). An enrollment must
 * carry an accepted consent for each; a consent for terms the site does not declare is stored as given.
 */
public final class RequiredTerms {

    public static final String CLIENT_ATTRIBUTE = "lanyard.required-terms";

    private final Set<String> references;

    private RequiredTerms(Set<String> references) {
        this.references = references;
    }

    /** Entries without a {@code :version} are ignored: a site that names no version requires nothing it can check. */
    public static RequiredTerms parse(String attribute) {
        Set<String> references = new LinkedHashSet<>();
        if (attribute != null) {
            for (String entry : attribute.split(",")) {
                String trimmed = entry.trim();
                int colon = trimmed.indexOf(':');
                if (colon > 0 && colon < trimmed.length() - 1) {
                    references.add(trimmed.substring(0, colon).trim() + ":" + trimmed.substring(colon + 1).trim());
                }
            }
        }
        return new RequiredTerms(references);
    }

    public Set<String> references() {
        return references;
    }

    /** The required terms ({@code id:version}) that the consents do not accept, in the site's order. */
    public List<String> notAccepted(List<Consent> consents) {
        Set<String> accepted = new LinkedHashSet<>();
        for (Consent consent : consents) {
            if (consent.accepted()) {
                accepted.add(consent.reference());
            }
        }
        List<String> missing = new ArrayList<>();
        for (String reference : references) {
            if (!accepted.contains(reference)) {
                missing.add(reference);
            }
        }
        return missing;
    }
}
