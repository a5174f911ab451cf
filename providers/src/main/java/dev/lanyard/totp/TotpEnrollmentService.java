package dev.lanyard.totp;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.lanyard.account.BruteForce;
import dev.lanyard.rest.ApiError;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.OTPPolicy;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.utils.HmacOTP;
import org.keycloak.utils.CredentialHelper;
import org.keycloak.utils.QRCodeUtils;

/**
 * TOTP devices of a user, on Keycloak's own OTP credential: what the admin console, the account
 * console and Keycloak's OTP form see. The pending secret of a setup lives in Keycloak's single-use
 * object store (cluster-wide) until enrolled or expired.
 */
public final class TotpEnrollmentService {

    public static final String ALREADY_ENROLLED = "ALREADY_ENROLLED";
    public static final String SETUP_REQUIRED = "SETUP_REQUIRED";
    public static final String INVALID_TOTP = "INVALID_TOTP";
    public static final String DEVICE_NAME_TAKEN = "DEVICE_NAME_TAKEN";
    public static final String DEVICE_NOT_FOUND = "DEVICE_NOT_FOUND";
    public static final String FRESH_LOGIN_REQUIRED = "FRESH_LOGIN_REQUIRED";

    static final String DEFAULT_DEVICE_NAME = "Authenticator app";

    private static final Logger LOG = Logger.getLogger(TotpEnrollmentService.class);
    private static final String SETUP_PREFIX = "lanyard-totp-setup:";
    private static final String NOTE_SECRET = "secret";
    private static final String NOTE_EXPIRES = "exp";
    private static final int SECRET_LENGTH = 20;
    private static final int QR_SIZE = 246;

    private final KeycloakSession session;
    private final RealmModel realm;

    public TotpEnrollmentService(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** The user's devices, oldest first. */
    public List<TotpDevice> devicesOf(UserModel user) {
        return devices(user).stream().map(TotpDevice::of).toList();
    }

    /** Starts a setup: a new secret (replacing any pending one), its otpauth URI and QR code. */
    public Map<String, Object> setup(UserModel user, TotpSettings settings) {
        if (!settings.allowSeveralDevices() && !devices(user).isEmpty()) {
            throw new ApiError(409, ALREADY_ENROLLED,
                    "A device is already enrolled and this realm allows one; remove it before setting up another.");
        }
        String secret = HmacOTP.generateSecret(SECRET_LENGTH);
        int expiresAt = Time.currentTime() + settings.setupLifetimeSeconds();
        objects().put(setupKey(user), settings.setupLifetimeSeconds(),
                Map.of(NOTE_SECRET, secret, NOTE_EXPIRES, Integer.toString(expiresAt)));

        OTPPolicy policy = realm.getOTPPolicy();
        String issuer = realm.getDisplayName() != null && !realm.getDisplayName().isBlank() ? realm.getDisplayName() : realm.getName();
        String keyUri = policy.getKeyURI(issuer, user.getUsername(), secret);
        LOG.debugf("Authenticator app setup started for user %s in realm %s", user.getId(), realm.getName());
        return TotpSetupView.of(policy, secret, keyUri, qrCode(keyUri), settings.setupLifetimeSeconds());
    }

    /** Enrolls the pending secret as an OTP credential if {@code code} is its current code. */
    public TotpDevice enroll(UserModel user, String code, String deviceName, TotpSettings settings) {
        Map<String, String> pending = objects().get(setupKey(user));
        if (pending == null || pending.get(NOTE_SECRET) == null || Time.currentTime() >= Integer.parseInt(pending.get(NOTE_EXPIRES))) {
            throw new ApiError(409, SETUP_REQUIRED, "No TOTP setup is pending for this user, or it expired; call setup first.");
        }
        List<CredentialModel> devices = devices(user);
        if (!settings.allowSeveralDevices() && !devices.isEmpty()) {
            throw new ApiError(409, ALREADY_ENROLLED, "A device is already enrolled and this realm allows one.");
        }
        String name = deviceName != null ? deviceName : freeDefaultName(devices);
        if (devices.stream().anyMatch(d -> name.equalsIgnoreCase(d.getUserLabel()))) {
            throw new ApiError(409, DEVICE_NAME_TAKEN, "The user already has a device with this name.");
        }

        String secret = pending.get(NOTE_SECRET);
        OTPPolicy policy = realm.getOTPPolicy();
        if (!TotpCodes.matches(code, secret.getBytes(StandardCharsets.UTF_8), TotpParameters.of(policy),
                policy.getLookAheadWindow(), System.currentTimeMillis() / 1000L)) {
            throw ApiError.badRequest(INVALID_TOTP, "The code does not match the secret of the pending setup.");
        }
        OTPCredentialModel credential = OTPCredentialModel.createFromPolicy(realm, secret, name);
        try {
            // Keycloak's helper stores the credential and spends the code, so it cannot be replayed at sign-in.
            if (!CredentialHelper.createOTPCredential(session, realm, user, code, credential)) {
                throw ApiError.badRequest(INVALID_TOTP, "The code was already used; wait for the next one.");
            }
        } catch (ModelDuplicateException e) {
            throw new ApiError(409, DEVICE_NAME_TAKEN, "The user already has a device with this name.");
        }
        objects().remove(setupKey(user));
        LOG.debugf("Authenticator app enrolled for user %s in realm %s", user.getId(), realm.getName());
        return devices(user).stream().filter(d -> name.equals(d.getUserLabel())).findFirst().map(TotpDevice::of).orElseThrow();
    }

    /**
     * Removes a device. Allowed within the realm's maximum authentication age (the "Configure OTP"
     * required action's setting) of the sign-in, or with a current code from one of the user's devices.
     */
    public void remove(UserModel user, String credentialId, Integer authTime, String code) {
        CredentialModel device = devices(user).stream().filter(d -> d.getId().equals(credentialId)).findFirst()
                .orElseThrow(() -> ApiError.notFound(DEVICE_NOT_FOUND, "The user has no TOTP device with this id."));
        boolean fresh = authTime != null && Time.currentTime() - authTime <= maxAuthAge();
        if (!fresh) {
            if (code == null) {
                throw ApiError.forbidden(FRESH_LOGIN_REQUIRED, "Sign in again (at most " + maxAuthAge()
                        + " s ago) or send a current code of one of the user's devices as 'totp'.");
            }
            if (!isValidCode(user, code)) {
                countFailure(user);
                throw ApiError.forbidden(INVALID_TOTP, "The code is not a current code of the user's devices.");
            }
        }
        user.credentialManager().removeStoredCredentialById(device.getId());
        LOG.debugf("Authenticator app removed for user %s in realm %s", user.getId(), realm.getName());
    }

    /** A current, unused code of any of the user's devices (Keycloak spends it, so it works once). */
    public boolean isValidCode(UserModel user, String code) {
        return devices(user).stream().anyMatch(device ->
                user.credentialManager().isValid(new UserCredentialModel(device.getId(), OTPCredentialModel.TYPE, code)));
    }

    public boolean isEnrolled(UserModel user) {
        return !devices(user).isEmpty();
    }

    /** Counts a wrong TOTP in Keycloak's brute-force detector, as the OTP form does. */
    public void countFailure(UserModel user) {
        BruteForce.failed(session, realm, user, OTPCredentialModel.TYPE);
    }

    /** Keycloak's "Maximum Age of Authentication" of its Configure OTP required action (default 300 s). */
    int maxAuthAge() {
        RequiredActionConfigModel config = realm.getRequiredActionConfigByAlias(UserModel.RequiredAction.CONFIGURE_TOTP.name());
        if (config != null && config.containsConfigKey(Constants.MAX_AUTH_AGE_KEY)) {
            try {
                return Integer.parseInt(config.getConfigValue(Constants.MAX_AUTH_AGE_KEY));
            } catch (NumberFormatException e) {
                return Constants.KC_ACTION_MAX_AGE;
            }
        }
        return Constants.KC_ACTION_MAX_AGE;
    }

    private List<CredentialModel> devices(UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(OTPCredentialModel.TYPE)
                .sorted(Comparator.comparing(CredentialModel::getCreatedDate, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    private static String freeDefaultName(List<CredentialModel> devices) {
        String name = DEFAULT_DEVICE_NAME;
        for (int n = 2; taken(devices, name); n++) {
            name = DEFAULT_DEVICE_NAME + " " + n;
        }
        return name;
    }

    private static boolean taken(List<CredentialModel> devices, String name) {
        return devices.stream().anyMatch(d -> name.equalsIgnoreCase(d.getUserLabel()));
    }

    private String setupKey(UserModel user) {
        return SETUP_PREFIX + realm.getId() + ":" + user.getId();
    }

    private SingleUseObjectProvider objects() {
        return session.singleUseObjects();
    }

    private static String qrCode(String keyUri) {
        try {
            return "data:image/png;base64," + QRCodeUtils.encodeAsQRString(keyUri, QR_SIZE, QR_SIZE);
        } catch (Exception e) {
            throw new IllegalStateException("QR code generation failed", e);
        }
    }
}
