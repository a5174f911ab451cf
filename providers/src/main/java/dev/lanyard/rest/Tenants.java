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
    private static final List<String> HEADERS = List.of("tenantName", "X-ClientCode");

    private Tenants() {
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
