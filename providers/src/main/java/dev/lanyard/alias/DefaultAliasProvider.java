package dev.lanyard.alias;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

final class DefaultAliasProvider implements AliasProvider {

    private final KeycloakSession session;
    private final int maxPerPerson;

    DefaultAliasProvider(KeycloakSession session, int maxPerPerson) {
        this.session = session;
        this.maxPerPerson = maxPerPerson;
    }

    @Override
    public UserModel findUser(RealmModel realm, String alias) {
        String key = Aliases.normalize(alias);
        if (key == null || key.isEmpty() || key.length() > Aliases.MAX_LENGTH || key.chars().anyMatch(Character::isISOControl)) {
            return null;
        }
        return new AliasStore(session).byKey(realm.getId(), key)
                .map(held -> session.users().getUserById(realm, held.getUserId())).orElse(null);
    }

    @Override
    public int maxPerPerson() {
        return maxPerPerson;
    }
}
