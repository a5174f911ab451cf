package dev.lanyard.orchestrator;

import dev.lanyard.rest.ApiError;

/** Seed 002's error table, with its messages; a refusal of the shared kit maps to these in the envelope. */
public final class OrchestratorCodes {

    public static final String INVALID_INPUT = "UsersOrchestrator_E400_00";
    public static final String PENDING_VERIFICATION = "UsersOrchestrator_E400_07";
    public static final String EMAIL_IN_USE = "UsersOrchestrator_E400_08";
    public static final String INVALID_METADATA = "UsersOrchestrator_E400_09";
    public static final String METADATA_TOO_LONG = "UsersOrchestrator_E400_17";
    public static final String REGISTRATION_ID_EXISTS = "UsersOrchestrator_E400_23";
    public static final String INTERNAL = "UsersOrchestrator_E500";
    public static final String GET_BY_ID_FAILED = "UsersOrchestrator_E500_01";

    private OrchestratorCodes() {
    }

    /** {@code UsersOrchestrator_E400_00}: "Invalid InputModel - {Message}". */
    public static ApiError invalidInput(String message) {
        return ApiError.badRequest(INVALID_INPUT, "Invalid InputModel - " + message);
    }

    static ApiError pendingVerification() {
        return ApiError.badRequest(PENDING_VERIFICATION, "The entered email address is still pending for verification.");
    }

    static ApiError emailInUse() {
        return ApiError.badRequest(EMAIL_IN_USE, "The email is already in use by another user.");
    }

    static ApiError invalidMetadata(String why) {
        return ApiError.badRequest(INVALID_METADATA, "The metadata is invalid. " + why);
    }

    static ApiError metadataTooLong() {
        return ApiError.badRequest(METADATA_TOO_LONG, "Metadata Key or Value cannot contain more than 100 characters.");
    }

    static ApiError registrationIdExists() {
        return ApiError.badRequest(REGISTRATION_ID_EXISTS, "The customer registration id already exists.");
    }
}
