package dev.lanyard.userapi;

import dev.lanyard.rest.RouteTable;

/** Test access to the user API's route table. */
public final class UserApiResourceRoutes {

    private UserApiResourceRoutes() {
    }

    public static RouteTable table() {
        return RouteTable.of(UserApiResource.class);
    }
}
