package dev.lanyard.tenantadmin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lanyard.rest.ApiError;
import dev.lanyard.rest.JsonBody;
import org.junit.jupiter.api.Test;

class RoleFormTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSeedsExampleNamesEntitlementsByIdAndName() {
        RoleForm form = read("{\"clientRoleEntitlements\": [{\"entitlement\": {\"description\": \"get temporary pin\", \"id\": 7,"
                + " \"name\": \"GET_TEMPORARY_PIN\"}}, {\"entitlement\": {\"id\": 2}}], \"description\": \"Shopper role\", \"name\": \"SHOPPER\"}", true);
        assertEquals("SHOPPER", form.name());
        assertEquals("Shopper role", form.description());
        assertEquals(List.of(new RoleForm.EntitlementRef(7L, "GET_TEMPORARY_PIN"), new RoleForm.EntitlementRef(2L, null)), form.entitlements());
    }

    @Test
    void aRoleReadBackFromTheApiIsAValidBody() {
        RoleForm form = read("{\"id\": 70, \"name\": \"SHOPPER\", \"clientName\": \"JANUS\", \"description\": null, \"clientRoleEntitlements\": [{"
                + "\"id\": 289, \"entitlement\": {\"id\": 7, \"name\": \"GET_TEMPORARY_PIN\", \"description\": \"x\", \"createdDate\": null,"
                + " \"lastUpdatedDate\": null}, \"createdDate\": 1558458194445, \"lastUpdatedDate\": 1558458194445, \"authority\": \"GET_TEMPORARY_PIN\"}]}", false);
        assertEquals(1, form.entitlements().size());
        assertNull(form.description());
    }

    @Test
    void anUpdateWithoutEntitlementsLeavesThem() {
        assertNull(read("{\"description\": \"Role for shopper\"}", false).entitlements());
    }

    @Test
    void creationNeedsANameAndEntitlementsEachNamed() {
        assertRefused("{\"clientRoleEntitlements\": [{\"entitlement\": {\"id\": 7}}]}", true);
        assertRefused("{\"name\": \"SHOPPER\"}", true);
        assertRefused("{\"name\": \"SHOPPER\", \"clientRoleEntitlements\": []}", true);
        assertRefused("{\"name\": \"SHOPPER\", \"clientRoleEntitlements\": [{\"entitlement\": {}}]}", true);
        assertRefused("{\"name\": \"SHOPPER\", \"clientRoleEntitlements\": [{\"id\": 7}]}", true);
        assertRefused("{\"name\": \"SHOPPER\", \"clientRoleEntitlements\": [{\"entitlement\": {\"id\": \"7\"}}]}", true);
        assertRefused("{\"name\": \"SHOPPER\", \"clientRoleEntitlements\": [{\"entitlement\": {\"id\": 7, \"scope\": \"all\"}}]}", true);
        assertRefused("{\"name\": \"SHOPPER\", \"clientRoleEntitlements\": [{\"entitlement\": {\"id\": 7}}], \"owner\": \"me\"}", true);
    }

    private static RoleForm read(String json, boolean creation) {
        try {
            return RoleForm.read(JsonBody.of(JSON.readTree(json), RoleForm.FIELDS, "The body"), creation);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertRefused(String json, boolean creation) {
        ApiError refused = assertThrows(ApiError.class, () -> read(json, creation), json);
        assertEquals(400, refused.status(), json);
    }
}
