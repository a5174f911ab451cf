package dev.lanyard.totp;

import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

import org.keycloak.models.utils.TimeBasedOTP;

/**
 * RFC 6238 codes as Lanyard checks them, computed by Keycloak's own {@link TimeBasedOTP} at an
 * explicit instant (Keycloak's validator reads the wall clock, which unit tests cannot set).
 */
public final class TotpCodes {

    private TotpCodes() {
    }

    /** The code for {@code secret} at {@code epochSecond}; {@code algorithm} as in Keycloak's OTP policy (HmacSHA1, ...). */
    public static String at(byte[] secret, TotpParameters parameters, long epochSecond) {
        return validator(parameters, 0, epochSecond).generateTOTP(secret);
    }

    /** Whether {@code code} is the code at {@code epochSecond}, allowing {@code lookAround} periods of skew each way. */
    public static boolean matches(String code, byte[] secret, TotpParameters parameters, int lookAround, long epochSecond) {
        if (code == null || code.length() != parameters.digits() || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        return validator(parameters, lookAround, epochSecond).validateTOTP(code, secret);
    }

    private static TimeBasedOTP validator(TotpParameters parameters, int lookAround, long epochSecond) {
        TimeBasedOTP totp = new TimeBasedOTP(parameters.algorithm(), parameters.digits(), parameters.period(), lookAround);
        Calendar at = GregorianCalendar.getInstance(TimeZone.getTimeZone("UTC"));
        at.setTimeInMillis(epochSecond * 1000L);
        totp.setCalendar(at);
        return totp;
    }
}
