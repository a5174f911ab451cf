package dev.lanyard.alias;

import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.Provider;

/**
 * Login aliases (seed 000 "Alias Management"), for every sign-in path that takes a username: the email-code step,
 * the site password login, the passwordless REST. Read from Lanyard's table on each call, never from a cache, so a
 * deleted alias signs nobody in from the next request on, on every node.
 */
public interface AliasProvider extends Provider {

    /** The person holding {@code alias} in the realm, or null. */
    UserModel findUser(RealmModel realm, String alias);

    /** How many aliases a person may hold ({@code max-per-person}). */
    int maxPerPerson();

    @Override
    default void close() {
    }
}
