package dev.lanyard.registration;

import java.util.Locale;

import dev.lanyard.account.Activation;
import org.keycloak.common.util.Time;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** Issuing and spending activation tokens, the same for the mail's link and the REST endpoint. */
final class Activations {

    /** Key prefix of the single-use marks in Keycloak's single-use store (every node shares it). */
    private static final String USED = "lanyard-activation-used:";

    enum Outcome { ACTIVATED, ALREADY_ACTIVE, USED }

    private Activations() {
    }

    /**
     * A new token for {@code user}, valid as long as the realm's admin-initiated action tokens (Realm settings →
     * Tokens, 12 hours by default): the person reads the mail when they read it, not within minutes.
     */
    static ActivationActionToken issue(RealmModel realm, UserModel user, ClientModel site) {
        int lifespan = realm.getActionTokenGeneratedByAdminLifespan();
        return new ActivationActionToken(user.getId(), Time.currentTime() + lifespan, user.getEmail(), site.getClientId());
    }

    /** Whether the token still names the person as they are: same user, same address. */
    static boolean matches(ActivationActionToken token, UserModel user) {
        return user != null && user.getId().equals(token.getUserId()) && user.getEmail() != null && token.getEmail() != null
                && user.getEmail().toLowerCase(Locale.ROOT).equals(token.getEmail().toLowerCase(Locale.ROOT));
    }

    /**
     * Activates the person with a verified token: at most once per token, whichever path comes first (an atomic
     * mark in the single-use store), and not at all for an account already active (the token stays unspent).
     */
    static Outcome activate(KeycloakSession session, RealmModel realm, UserModel user, ActivationActionToken token, ClientModel site) {
        if (!Activation.isPending(user)) {
            return Outcome.ALREADY_ACTIVE;
        }
        long remaining = Math.max(1, token.getExp() - Time.currentTime());
        if (!session.singleUseObjects().putIfAbsent(USED + token.serializeKey(), remaining)) {
            return Outcome.USED;
        }
        Activation.complete(user);
        new EventBuilder(realm, session, session.getContext().getConnection()).event(EventType.VERIFY_EMAIL).client(site).user(user)
                .detail(Details.EMAIL, user.getEmail()).detail("lanyard_activation", "true").success();
        return Outcome.ACTIVATED;
    }
}
