package dev.lanyard.revalidation;

import java.util.regex.Pattern;

import dev.lanyard.rest.ApiError;
import dev.lanyard.rest.BearerAuth;
import dev.lanyard.rest.Caller;
import dev.lanyard.rest.ErrorCodes;
import dev.lanyard.rest.JsonBody;
import org.keycloak.models.AdminRoles;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** What the single and the batch revalidation endpoints read and refuse alike. */
final class RevalidationRequests {

    static final String NOT_ALLOWED = "NOT_ALLOWED";
    private static final Pattern PROGRAM_CODE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private RevalidationRequests() {
    }

    /** A user or service account of the realm holding realm-management's manage-users. */
    static Caller authorize(KeycloakSession session, RealmModel realm) {
        return BearerAuth.authenticate(session).requireRealmManagementRole(realm, AdminRoles.MANAGE_USERS, NOT_ALLOWED,
                "This takes the realm-management role manage-users.");
    }

    static CallType callType(JsonBody body) {
        return CallType.of(body.requiredString("callType", 32)).orElseThrow(() -> ApiError.badRequest(ErrorCodes.INVALID_REQUEST,
                "'callType' must be OFAC, MOE or ENROLL_PROGRAM_AND_MOE."));
    }

    static String programCode(JsonBody body, CallType type) {
        String programCode = body.optionalString("programCode", 64);
        if (type == CallType.ENROLL_PROGRAM_AND_MOE && (programCode == null || !PROGRAM_CODE.matcher(programCode).matches())) {
            throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "ENROLL_PROGRAM_AND_MOE needs a 'programCode' of letters, digits, '_' or '-'.");
        }
        return type == CallType.ENROLL_PROGRAM_AND_MOE ? programCode : null;
    }

    /** The server cannot do this kind of revalidation (no list, no MOE), or MOE did not take the person. */
    static ApiError unavailable(RevalidationProvider.Failed failed) {
        return switch (failed.code()) {
            case RevalidationProvider.MOE_UNAVAILABLE -> new ApiError(502, failed.code(), failed.getMessage());
            case RevalidationProvider.NO_NAME_TO_SCREEN -> new ApiError(409, failed.code(), failed.getMessage());
            default -> new ApiError(503, failed.code(), failed.getMessage());
        };
    }
}
