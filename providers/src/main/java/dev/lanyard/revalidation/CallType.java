package dev.lanyard.revalidation;

import java.util.Arrays;
import java.util.Optional;

/** Seed 000's revalidation {@code callType}: what revalidating a person does. */
public enum CallType {
    /** Screen the person against the current SDN list. */
    OFAC,
    /** Sync the person to the MOE system. */
    MOE,
    /** Add a program code to the person's {@code programCodes}, then sync to MOE. */
    ENROLL_PROGRAM_AND_MOE;

    public static Optional<CallType> of(String value) {
        return Arrays.stream(values()).filter(type -> type.name().equals(value)).findFirst();
    }

    public boolean needsMoe() {
        return this != OFAC;
    }
}
