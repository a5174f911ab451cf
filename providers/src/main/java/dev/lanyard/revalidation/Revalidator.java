package dev.lanyard.revalidation;

import java.util.ArrayList;
import java.util.List;

import dev.lanyard.screening.ScreeningEntity;
import dev.lanyard.screening.ScreeningProvider;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** The {@link RevalidationProvider} of this server: screening through Lanyard's screening SPI, MOE through {@link MoeClient}. */
final class Revalidator implements RevalidationProvider {

    private final KeycloakSession session;
    private final RevalidationSettings settings;

    Revalidator(KeycloakSession session, RevalidationSettings settings) {
        this.session = session;
        this.settings = settings;
    }

    @Override
    public void requireAvailable(CallType type) {
        if (type == CallType.OFAC && !screening().listLoaded()) {
            throw new Failed(SCREENING_UNAVAILABLE, "No sanctions list is loaded (lanyard-screening list-source).");
        }
        if (type.needsMoe() && settings.moeUrl() == null) {
            throw new Failed(MOE_UNAVAILABLE, "No MOE system is configured (lanyard-revalidation moe-url).");
        }
    }

    @Override
    public Result revalidate(RealmModel realm, UserModel user, CallType type, String programCode) {
        requireAvailable(type);
        if (type == CallType.OFAC) {
            ScreeningEntity screened = screening().screen(realm, user, "REVALIDATION")
                    .orElseThrow(() -> new Failed(NO_NAME_TO_SCREEN, "The person has neither a first nor a last name to screen."));
            return new Result(screened.getStatus(), screened, null);
        }
        List<String> programs = new ArrayList<>(user.getAttributeStream(PROGRAM_CODES).toList());
        if (type == CallType.ENROLL_PROGRAM_AND_MOE && programCode != null && !programs.contains(programCode)) {
            programs.add(programCode);
        }
        // The call is made before any change, so a refused or unanswered sync leaves the person as they were.
        if (!new MoeClient(session, settings).sync(user, programs)) {
            throw new Failed(MOE_UNAVAILABLE, "The MOE system did not take the person (refused or no answer); nothing was changed.");
        }
        if (type == CallType.ENROLL_PROGRAM_AND_MOE) {
            user.setAttribute(PROGRAM_CODES, programs);
        }
        user.setSingleAttribute(MOE_SYNCED_AT, Long.toString(Time.currentTimeMillis()));
        return new Result(SYNCED, null, programs);
    }

    private ScreeningProvider screening() {
        return session.getProvider(ScreeningProvider.class);
    }
}
