package dev.lanyard.revalidation;

import java.util.ArrayList;
import java.util.List;

import dev.lanyard.screening.ScreeningEntity;
import dev.lanyard.screening.ScreeningEventListenerFactory;
import dev.lanyard.screening.ScreeningService;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Revalidates one person (seed 000 "User Revalidation"), for the single endpoint and for the batch
 * worker alike: OFAC screens them now, MOE syncs them, ENROLL_PROGRAM_AND_MOE adds the program code
 * to their {@code programCodes} and syncs. Nothing is changed when it fails.
 */
public final class Revalidator {

    public static final String SCREENING_UNAVAILABLE = "SCREENING_UNAVAILABLE";
    public static final String NO_NAME_TO_SCREEN = "NO_NAME_TO_SCREEN";
    public static final String MOE_UNAVAILABLE = "MOE_UNAVAILABLE";
    /** The user attribute holding the programs a person is enrolled in. */
    public static final String PROGRAM_CODES = "programCodes";
    /** The user attribute holding when the person was last synced to MOE (epoch millis). */
    public static final String MOE_SYNCED_AT = "moeSyncedAt";
    /** Result of a MOE or ENROLL_PROGRAM_AND_MOE revalidation; an OFAC one's is the screening status. */
    public static final String SYNCED = "SYNCED";

    /** What became of the person: {@code result} is CLEAR / POTENTIAL_MATCH (OFAC) or SYNCED. */
    public record Result(String result, ScreeningEntity screening, List<String> programCodes) {
    }

    /** Why a person could not be revalidated: a code of this class and a message for the caller. */
    public static final class Failed extends RuntimeException {
        private final String code;

        Failed(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final KeycloakSession session;

    public Revalidator(KeycloakSession session) {
        this.session = session;
    }

    /** Whether this kind of revalidation can run at all on this server (a list loaded, MOE configured). */
    public void requireAvailable(CallType type) {
        if (type == CallType.OFAC && !ScreeningEventListenerFactory.service(session).listLoaded()) {
            throw new Failed(SCREENING_UNAVAILABLE, "No sanctions list is loaded (lanyard-screening list-source).");
        }
        if (type.needsMoe() && ScreeningEventListenerFactory.settings(session).moeUrl() == null) {
            throw new Failed(MOE_UNAVAILABLE, "No MOE system is configured (lanyard-screening moe-url).");
        }
    }

    public Result revalidate(RealmModel realm, UserModel user, CallType type, String programCode) {
        requireAvailable(type);
        if (type == CallType.OFAC) {
            ScreeningService screening = ScreeningEventListenerFactory.service(session);
            ScreeningEntity screened = screening.screen(realm, user, "REVALIDATION")
                    .orElseThrow(() -> new Failed(NO_NAME_TO_SCREEN, "The person has neither a first nor a last name to screen."));
            return new Result(screened.getStatus(), screened, null);
        }
        List<String> programs = new ArrayList<>(user.getAttributeStream(PROGRAM_CODES).toList());
        if (type == CallType.ENROLL_PROGRAM_AND_MOE && programCode != null && !programs.contains(programCode)) {
            programs.add(programCode);
        }
        // The call is made before any change, so a refused or unanswered sync leaves the person as they were.
        if (!new MoeClient(session, ScreeningEventListenerFactory.settings(session)).sync(user, programs)) {
            throw new Failed(MOE_UNAVAILABLE, "The MOE system did not take the person (refused or no answer); nothing was changed.");
        }
        if (type == CallType.ENROLL_PROGRAM_AND_MOE) {
            user.setAttribute(PROGRAM_CODES, programs);
        }
        user.setSingleAttribute(MOE_SYNCED_AT, Long.toString(Time.currentTimeMillis()));
        return new Result(SYNCED, null, programs);
    }
}
