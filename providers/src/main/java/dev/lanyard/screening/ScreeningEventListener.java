package dev.lanyard.screening;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;

/**
 * Event listener {@code lanyard-screening}: a registration, a profile update, or an admin's creation or
 * update of a person is screened once its transaction has committed (in a transaction of its own, so a
 * screening never slows or fails the change itself, and sees the names as stored).
 */
final class ScreeningEventListener implements EventListenerProvider {

    private static final Set<String> SCREENED_EVENTS = Set.of("REGISTER", "UPDATE_PROFILE");
    private static final Pattern USER = Pattern.compile("^users/([^/]+)$");

    private final KeycloakSession session;

    ScreeningEventListener(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
        if (event.getUserId() != null && event.getError() == null && SCREENED_EVENTS.contains(event.getType().name())
                && !(event.getDetails() != null && ScreeningProvider.SCREENED_IN_REQUEST.equals(event.getDetails().get(Details.REGISTER_METHOD)))) {
            screenAfterCommit(event.getRealmId(), event.getUserId(), event.getType().name());
        }
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        if (event.getError() != null || event.getResourcePath() == null
                || !(event.getOperationType() == OperationType.CREATE || event.getOperationType() == OperationType.UPDATE)) {
            return;
        }
        Matcher user = USER.matcher(event.getResourcePath());
        if (user.matches()) {
            screenAfterCommit(event.getRealmId(), user.group(1), "ADMIN_" + event.getOperationType().name());
        }
    }

    private void screenAfterCommit(String realmId, String userId, String trigger) {
        session.getProvider(ScreeningProvider.class).screenAfterCommit(realmId, userId, trigger);
    }

    @Override
    public void close() {
    }
}
