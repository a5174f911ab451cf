package dev.lanyard.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import dev.lanyard.api.UserApi;
import dev.lanyard.emailotp.PasswordlessResource;
import dev.lanyard.sitelogin.SiteLoginResource;
import dev.lanyard.totp.TotpResource;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    @Test
    void knownPathsListTheirMethods() {
        assertEquals(Set.of("POST"), RouteTable.of(PasswordlessResource.class).methodsAt(""));
        assertEquals(Set.of("POST"), RouteTable.of(SiteLoginResource.class).methodsAt("/login/pwless-otp/"));
        RouteTable totp = RouteTable.of(TotpResource.class);
        assertEquals(Set.of("GET"), totp.methodsAt(""));
        assertEquals(Set.of("DELETE"), totp.methodsAt("0b6c1f3e"));
        // JAX-RS routes DELETE mfa/totp/setup to the {credentialId} operation (a device id "setup"), so both are served.
        assertEquals(Set.of("DELETE", "POST"), totp.methodsAt("setup"));
    }

    @Test
    void unknownPathsHaveNone() {
        assertEquals(Set.of(), RouteTable.of(PasswordlessResource.class).methodsAt("nope"));
        assertEquals(Set.of(), RouteTable.of(SiteLoginResource.class).methodsAt("a/login/pwless-otp"),
                "a template segment never spans a slash");
        assertEquals(Set.of(), RouteTable.of(TotpResource.class).methodsAt("a/b"));
    }

    @Test
    void locatorsAreNotOperations() {
        assertEquals(Set.of(), RouteTable.of(UserApi.class).methodsAt("mfa/totp"));
    }
}
