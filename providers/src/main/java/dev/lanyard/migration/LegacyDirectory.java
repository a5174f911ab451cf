package dev.lanyard.migration;

import java.util.Optional;

/** The legacy auth service as Lanyard uses it: find a person, check a password. */
public interface LegacyDirectory {

    /** The person with this username (or email, where the legacy system signs in by email); empty if it has none. */
    Optional<LegacyPerson> find(String identifier);

    /** Whether the password is the person's legacy password. */
    boolean passwordMatches(String uuid, String password);
}
