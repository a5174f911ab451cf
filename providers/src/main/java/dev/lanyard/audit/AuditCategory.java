package dev.lanyard.audit;

import java.util.Set;

/**
 * Seed 003's auditCategory and auditAction of a Keycloak event: TOKEN for sign-ins and tokens,
 * ADMIN for admin events, API for what people do to their own account, OTHER for the rest.
 */
final class AuditCategory {

    static final String API = "API";
    static final String ADMIN = "ADMIN";
    static final String TOKEN = "TOKEN";
    static final String OTHER = "OTHER";

    static final String CREATE = "CREATE";
    static final String READ = "READ";
    static final String UPDATE = "UPDATE";
    static final String DELETE = "DELETE";
    static final String WEBSERVICE = "WEBSERVICE";

    private static final Set<String> TOKEN_EVENTS = Set.of("LOGIN", "LOGOUT", "CODE_TO_TOKEN", "REFRESH_TOKEN", "CLIENT_LOGIN",
            "TOKEN_EXCHANGE", "INTROSPECT_TOKEN", "USER_INFO_REQUEST", "REVOKE_GRANT", "IMPERSONATE", "AUTHREQID_TO_TOKEN",
            "OAUTH2_DEVICE_CODE_TO_TOKEN", "PERMISSION_TOKEN", "IDENTITY_PROVIDER_LOGIN", "IDENTITY_PROVIDER_FIRST_LOGIN",
            "IDENTITY_PROVIDER_POST_LOGIN", "CLIENT_INITIATED_ACCOUNT_LINKING", "RESTART_AUTHENTICATION");

    private AuditCategory() {
    }

    /** Category of a user event type (without its _ERROR suffix). */
    static String ofUserEvent(String type) {
        if (TOKEN_EVENTS.contains(type)) {
            return TOKEN;
        }
        if (type.startsWith("UPDATE_") || type.startsWith("REMOVE_") || type.startsWith("DELETE_") || type.startsWith("RESET_")
                || type.equals("REGISTER") || type.startsWith("VERIFY_") || type.startsWith("SEND_") || type.startsWith("CUSTOM_REQUIRED")
                || type.startsWith("EXECUTE_ACTION") || type.startsWith("GRANT_CONSENT") || type.startsWith("FEDERATED_IDENTITY")
                || type.startsWith("USER_DISABLED")) {
            return API;
        }
        return OTHER;
    }

    /** Action of a user event type (without its _ERROR suffix). */
    static String actionOfUserEvent(String type) {
        if (type.equals("REGISTER") || type.equals("FEDERATED_IDENTITY_LINK") || type.equals("GRANT_CONSENT")) {
            return CREATE;
        }
        if (type.startsWith("REMOVE_") || type.startsWith("DELETE_") || type.equals("REVOKE_GRANT")
                || type.equals("REMOVE_FEDERATED_IDENTITY")) {
            return DELETE;
        }
        if (type.startsWith("UPDATE_") || type.startsWith("RESET_") || type.startsWith("VERIFY_") || type.startsWith("USER_DISABLED")) {
            return UPDATE;
        }
        if (type.equals("USER_INFO_REQUEST") || type.equals("INTROSPECT_TOKEN")) {
            return READ;
        }
        return WEBSERVICE;
    }

    /** Action of an admin event's operation type (CREATE, UPDATE, DELETE, ACTION). */
    static String actionOfAdminOperation(String operation) {
        return switch (operation) {
            case "CREATE" -> CREATE;
            case "UPDATE", "ACTION" -> UPDATE;
            case "DELETE" -> DELETE;
            default -> WEBSERVICE;
        };
    }
}
