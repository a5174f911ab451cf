package dev.lanyard.rest;

import java.util.Optional;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;
import org.keycloak.storage.UserStoragePrivateUtil;

/** A person an admin endpoint names, by Keycloak user id or username, among the realm's own users. */
public final class LocalPeople {

    private LocalPeople() {
    }

    /**
     * Looked up in Keycloak's own store (a username unknown there never reaches a federation, so an
     * admin call never imports or calls legacy), then taken through {@code session.users()}, so that
     * changes (a hold, the account's state) also reach the user cache every node reads.
     */
    public static Optional<UserModel> find(KeycloakSession session, RealmModel realm, String userId, String username) {
        UserProvider local = UserStoragePrivateUtil.userLocalStorage(session);
        UserModel found = null;
        if (userId != null && userId.length() <= 36 && userId.chars().noneMatch(Character::isISOControl)) {
            found = local.getUserById(realm, userId);
        }
        if (found == null && username != null && username.length() <= 255 && username.chars().noneMatch(Character::isISOControl)) {
            found = local.getUserByUsername(realm, username);
        }
        return found == null ? Optional.empty() : Optional.ofNullable(session.users().getUserById(realm, found.getId()));
    }
}
