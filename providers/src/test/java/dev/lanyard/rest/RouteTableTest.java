package dev.lanyard.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import dev.lanyard.userapi.UserApiResourceRoutes;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private final RouteTable routes = UserApiResourceRoutes.table();

    @Test
    void knownPathsListTheirMethods() {
        assertEquals(Set.of("POST"), routes.methodsAt("pwless-login-send-otp"));
        assertEquals(Set.of("POST"), routes.methodsAt("/site/demo-site/login/pwless-otp/"));
        assertEquals(Set.of("GET"), routes.methodsAt("mfa/totp"));
        assertEquals(Set.of("DELETE"), routes.methodsAt("mfa/totp/0b6c1f3e"));
        // JAX-RS routes DELETE mfa/totp/setup to the {credentialId} operation (a device id "setup"), so both are served.
        assertEquals(Set.of("DELETE", "POST"), routes.methodsAt("mfa/totp/setup"));
    }

    @Test
    void unknownPathsHaveNone() {
        assertEquals(Set.of(), routes.methodsAt("nope"));
        assertEquals(Set.of(), routes.methodsAt("site/a/b/login/pwless-otp"), "a template segment never spans a slash");
        assertEquals(Set.of(), routes.methodsAt("mfa/totp/a/b"));
        assertEquals(Set.of(), routes.methodsAt(""));
    }
}
