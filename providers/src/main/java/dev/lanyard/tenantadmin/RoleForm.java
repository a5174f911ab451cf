package dev.lanyard.tenantadmin;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lanyard.rest.ApiError;
import dev.lanyard.rest.ErrorCodes;
import dev.lanyard.rest.JsonBody;

/**
 * The seed's ClientRole body (create and update): name, description and {@code clientRoleEntitlements}, each
 * {@code {"entitlement": {"id": 7, "name": "GET_TEMPORARY_PIN", ...}}} naming an entitlement by its number, its name
 * or both. A role read back from this API may be sent as it is: the mapping's and the entitlement's own fields (ids,
 * dates, authority) are accepted and ignored.
 */
record RoleForm(String name, String description, List<EntitlementRef> entitlements) {

    static final Set<String> FIELDS = Set.of("id", "name", "clientName", "description", "clientRoleEntitlements", "createdDate",
            "lastUpdatedDate");
    private static final Set<String> MAPPING_FIELDS = Set.of("id", "entitlement", "createdDate", "lastUpdatedDate", "authority");
    private static final Set<String> ENTITLEMENT_FIELDS = Set.of("id", "name", "description", "createdDate", "lastUpdatedDate");
    /** More than the seed's 13 entitlements, and still a bound on the request. */
    static final int MOST_ENTITLEMENTS = 100;

    /** An entitlement as the body names it: number, name, or both (then they must agree). */
    record EntitlementRef(Long id, String name) {
    }

    /** {@code creation}: name and entitlements are required (the seed's rule); an update takes what it is given. */
    static RoleForm read(JsonBody body, boolean creation) {
        String name = creation ? body.requiredString("name", 255) : body.optionalString("name", 255);
        String description = body.optionalString("description", 255);
        List<EntitlementRef> refs = null;
        if (creation || body.has("clientRoleEntitlements")) {
            refs = new ArrayList<>();
            for (JsonNode item : body.requiredObjectArray("clientRoleEntitlements", MOST_ENTITLEMENTS)) {
                JsonBody mapping = JsonBody.of(item, MAPPING_FIELDS, "An entry of clientRoleEntitlements");
                JsonNode node = mapping.optionalObject("entitlement");
                if (node == null) {
                    throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "Each entry of clientRoleEntitlements has an 'entitlement' object.");
                }
                JsonBody entitlement = JsonBody.of(node, ENTITLEMENT_FIELDS, "An entitlement");
                Long id = entitlement.has("id") ? entitlement.requiredLong("id") : null;
                String entitlementName = entitlement.optionalString("name", 255);
                if (id == null && entitlementName == null) {
                    throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "An entitlement is named by its id or its name.");
                }
                refs.add(new EntitlementRef(id, entitlementName));
            }
        }
        return new RoleForm(name, description, refs == null ? null : List.copyOf(refs));
    }
}
