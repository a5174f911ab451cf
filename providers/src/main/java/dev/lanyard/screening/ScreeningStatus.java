package dev.lanyard.screening;

/**
 * A screening's outcome. POTENTIAL_MATCH holds the person (when the realm enables the sanctions
 * review required action) until an admin resolves it: CONFIRMED keeps them out, FALSE_POSITIVE lets them in.
 */
public enum ScreeningStatus {
    CLEAR, POTENTIAL_MATCH, CONFIRMED, FALSE_POSITIVE
}
