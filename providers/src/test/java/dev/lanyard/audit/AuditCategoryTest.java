package dev.lanyard.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class AuditCategoryTest {

    @Test
    void userEventsMapToSeed003CategoriesAndActions() {
        assertEquals(AuditCategory.TOKEN, AuditCategory.ofUserEvent("LOGIN"));
        assertEquals(AuditCategory.WEBSERVICE, AuditCategory.actionOfUserEvent("LOGIN"));
        assertEquals(AuditCategory.API, AuditCategory.ofUserEvent("UPDATE_PASSWORD"));
        assertEquals(AuditCategory.UPDATE, AuditCategory.actionOfUserEvent("UPDATE_PASSWORD"));
        assertEquals(AuditCategory.API, AuditCategory.ofUserEvent("REGISTER"));
        assertEquals(AuditCategory.CREATE, AuditCategory.actionOfUserEvent("REGISTER"));
        assertEquals(AuditCategory.DELETE, AuditCategory.actionOfUserEvent("REMOVE_TOTP"));
        assertEquals(AuditCategory.READ, AuditCategory.actionOfUserEvent("USER_INFO_REQUEST"));
        assertEquals(AuditCategory.OTHER, AuditCategory.ofUserEvent("SOMETHING_NEW"));
    }

    @Test
    void adminOperationsMapToActions() {
        assertEquals(AuditCategory.CREATE, AuditCategory.actionOfAdminOperation("CREATE"));
        assertEquals(AuditCategory.UPDATE, AuditCategory.actionOfAdminOperation("ACTION"));
        assertEquals(AuditCategory.DELETE, AuditCategory.actionOfAdminOperation("DELETE"));
    }

    @Test
    void theSubjectOfAnAdminEventIsTheUserInItsPath() {
        assertEquals("0b1c2d3e-0000-4000-8000-000000000001",
                AuditEventListener.subjectUserId("users/0b1c2d3e-0000-4000-8000-000000000001/reset-password"));
        assertEquals("0b1c2d3e-0000-4000-8000-000000000001", AuditEventListener.subjectUserId("users/0b1c2d3e-0000-4000-8000-000000000001"));
        assertNull(AuditEventListener.subjectUserId("clients/abc"));
        assertNull(AuditEventListener.subjectUserId(null));
    }
}
