package dev.lanyard.enrollment;

/**
 * One entry of an enrollment's {@code consents}: the person accepted (or refused) version {@code termsVersion} of
 * the terms {@code termsIdentifier} at {@code acceptedAt} (unix milliseconds; the time of the request when absent).
 */
public record Consent(String termsIdentifier, String termsVersion, boolean accepted, long acceptedAt) {

    /** The {@code termsIdentifier:version} form the site's {@value RequiredTerms#CLIENT_ATTRIBUTE} uses. */
    public String reference() {
        return termsIdentifier + ":" + termsVersion;
    }
}
