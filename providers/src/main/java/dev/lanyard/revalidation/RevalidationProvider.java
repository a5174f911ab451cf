package dev.lanyard.revalidation;

import java.util.List;

import dev.lanyard.screening.ScreeningEntity;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.Provider;

/**
 * Revalidates one person (seed 000 "User Revalidation"), for the single endpoint and the batch worker alike:
 * OFAC screens them now, MOE syncs them, ENROLL_PROGRAM_AND_MOE adds the program code to their
 * {@value #PROGRAM_CODES} and syncs. Nothing is changed when it fails.
 */
public interface RevalidationProvider extends Provider {

    String SCREENING_UNAVAILABLE = "SCREENING_UNAVAILABLE";
    String NO_NAME_TO_SCREEN = "NO_NAME_TO_SCREEN";
    String MOE_UNAVAILABLE = "MOE_UNAVAILABLE";
    /** The user attribute holding the programs a person is enrolled in. */
    String PROGRAM_CODES = "programCodes";
    /** The user attribute holding when the person was last synced to MOE (epoch millis). */
    String MOE_SYNCED_AT = "moeSyncedAt";
    /** Result of a MOE or ENROLL_PROGRAM_AND_MOE revalidation; an OFAC one's is the screening status. */
    String SYNCED = "SYNCED";

    /** What became of the person: {@code result} is CLEAR / POTENTIAL_MATCH (OFAC) or SYNCED. */
    record Result(String result, ScreeningEntity screening, List<String> programCodes) {
    }

    /** Why a person could not be revalidated: a code of this interface and a message for the caller. */
    final class Failed extends RuntimeException {
        private final String code;

        Failed(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** Refuses ({@link Failed}) a kind of revalidation this server cannot do at all (no list loaded, no MOE configured). */
    void requireAvailable(CallType type);

    Result revalidate(RealmModel realm, UserModel user, CallType type, String programCode);

    @Override
    default void close() {
    }
}
