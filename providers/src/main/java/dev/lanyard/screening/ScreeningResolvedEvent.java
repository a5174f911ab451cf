package dev.lanyard.screening;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderEvent;

/**
 * Published (on the session factory, in the deciding session's transaction) when an admin resolves a person's
 * potential matches: what waited on the decision (a held enrollment's mail) goes on from here.
 */
public record ScreeningResolvedEvent(KeycloakSession session, RealmModel realm, UserModel user, ScreeningStatus decision)
        implements ProviderEvent {
}
