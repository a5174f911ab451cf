package dev.lanyard.migration;

/**
 * The legacy auth service did not answer (refused, timed out, 5xx, unreadable) or is in its
 * cooldown after such a failure. The message names the service's host, never a person or secret.
 */
public class LegacyUnavailableException extends RuntimeException {

    public LegacyUnavailableException(String message) {
        super(message);
    }

    public LegacyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
