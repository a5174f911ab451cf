package dev.lanyard.registration;

import java.util.List;
import java.util.Map;

import dev.lanyard.mail.MailAfterCommit;
import org.keycloak.common.util.Time;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.LoginActionsService;

/** The activation mail: a link to Keycloak's action-token endpoint carrying the token and the site. */
final class ActivationMail {

    static final String TEMPLATE = "lanyard-activation.ftl";
    static final String SUBJECT_KEY = "lanyardActivationSubject";

    private ActivationMail() {
    }

    static void send(KeycloakSession session, RealmModel realm, UserModel user, ClientModel site) {
        ActivationActionToken token = Activations.issue(realm, user, site);
        String serialized = token.serialize(session, realm, session.getContext().getUri());
        String link = LoginActionsService.actionTokenProcessor(session.getContext().getUri())
                .queryParam(Constants.KEY, serialized).queryParam(Constants.CLIENT_ID, site.getClientId())
                .build(realm.getName()).toString();
        int hours = Math.max(1, (int) Math.round((token.getExp() - Time.currentTime()) / 3600.0));
        MailAfterCommit.send(session, realm, user, new MailAfterCommit.Message(SUBJECT_KEY, List.of(), TEMPLATE,
                Map.of("link", link, "linkExpirationHours", hours, "siteName", siteName(site)), "activation"));
    }

    static String siteName(ClientModel site) {
        return site.getName() != null && !site.getName().isBlank() ? site.getName() : site.getClientId();
    }
}
