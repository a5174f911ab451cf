package dev.lanyard.rest;

import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;

import org.keycloak.models.RealmModel;

/**
 * The realm is the tenant (README, "Code map"): a seed tenant header that names another tenant is
 * refused, so a partner's request can never act on a tenant other than the one in its URL.
 */
public final class Tenants {

    public static final String TENANT_MISMATCH = "TENANT_MISMATCH";
    /** Seed 003's tenant header. */
    public static final String TENANT_NAME = "tenantName";
    private static final List<String> HEADERS = List.of(TENANT_NAME, "X-ClientCode");

    private Tenants() {
    }

    /** 400 unless the request names its tenant in {@value #TENANT_NAME} (seed 003's examples that send it require it). */
    public static void requireTenantHeader(HttpHeaders headers) {
        String value = headers == null ? null : headers.getHeaderString(TENANT_NAME);
        if (value == null || value.isBlank()) {
            throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "The " + TENANT_NAME + " header is required.");
        }
    }

    public static void requireThisRealm(RealmModel realm, HttpHeaders headers) {
        if (headers == null) {
            return;
        }
        for (String header : HEADERS) {
            String value = headers.getHeaderString(header);
            if (value != null && !value.isBlank() && !value.trim().equalsIgnoreCase(realm.getName())) {
                throw ApiError.forbidden(TENANT_MISMATCH, "The " + header + " header names another tenant than this realm.");
            }
        }
    }
}
