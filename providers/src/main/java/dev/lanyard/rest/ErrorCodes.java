package dev.lanyard.rest;

/** Error codes every endpoint shares; each capability adds its own next to its resource. */
public final class ErrorCodes {

    public static final String UNAUTHORIZED = "UNAUTHORIZED";
    public static final String INVALID_TOKEN = "INVALID_TOKEN";
    public static final String CLIENT_TOKEN_REQUIRED = "CLIENT_TOKEN_REQUIRED";
    public static final String USER_TOKEN_REQUIRED = "USER_TOKEN_REQUIRED";
    public static final String INSUFFICIENT_SCOPE = "INSUFFICIENT_SCOPE";
    public static final String INVALID_REQUEST = "INVALID_REQUEST";
    public static final String INVALID_JSON = "INVALID_JSON";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE";
    public static final String PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE";
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";

    private ErrorCodes() {
    }
}
