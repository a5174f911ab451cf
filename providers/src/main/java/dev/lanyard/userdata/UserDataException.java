package dev.lanyard.userdata;

/** Why {@code encryptedUserData} could not be opened; the message names the field, never its content. */
public final class UserDataException extends RuntimeException {

    public enum Reason {
        UNSUPPORTED_VERSION, UNKNOWN_KEY, INVALID_KEY, MALFORMED, TAMPERED
    }

    private final Reason reason;

    public UserDataException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
