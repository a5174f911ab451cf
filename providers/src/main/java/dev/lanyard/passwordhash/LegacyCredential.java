package dev.lanyard.passwordhash;

import java.util.Base64;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.keycloak.models.credential.PasswordCredentialModel;

/**
 * A legacy password credential of a bulk migration, checked and ready to store as Keycloak's password credential:
 * <pre>{"type": "password", "algorithm": "bcrypt" | "pbkdf2-sha256" | "pbkdf2-sha512" | "sha256-salted",
 *  "hash": "...", "salt": "...", "iterations": N}</pre>
 * The hash is kept as it is (nobody knows the password to hash it again); Keycloak verifies it at sign-in with the
 * provider of {@link #algorithm()} and, on the first success, re-hashes the password to the realm's policy.
 * Refusal messages name the rule broken, never the hash or the salt.
 */
public final class LegacyCredential {

    /** Why a credential object was refused. */
    public enum Reason {
        /** Not a JSON object. */
        INVALID_CREDENTIAL,
        /** A field other than type, algorithm, hash, salt, iterations. */
        UNKNOWN_FIELD,
        /** {@code type} missing or not {@code "password"}. */
        INVALID_CREDENTIAL_TYPE,
        /** {@code algorithm} missing or not one of {@link LegacyAlgorithm}. */
        UNSUPPORTED_ALGORITHM,
        INVALID_HASH,
        INVALID_SALT,
        INVALID_ITERATIONS
    }

    /** What {@link #read} made of a credential object: {@link Accepted} or {@link Refused}. */
    public sealed interface Result permits Accepted, Refused {
    }

    public record Accepted(LegacyCredential credential) implements Result {
    }

    public record Refused(Reason reason, String message) implements Result {
    }

    public static final int MIN_PBKDF2_ITERATIONS = 1;
    public static final int MAX_PBKDF2_ITERATIONS = 10_000_000;

    // PBKDF2 keys: 16 bytes is the shortest legacy systems use (128-bit keys); past 128 bytes, each further hash
    // block costs the full iteration count again at every sign-in.
    static final int MIN_PBKDF2_KEY_BYTES = 16;
    static final int MAX_PBKDF2_KEY_BYTES = 128;
    // Salts: at least one byte; the upper bound only limits what is stored.
    static final int MAX_SALT_BYTES = 1024;

    private static final Set<String> FIELDS = Set.of("type", "algorithm", "hash", "salt", "iterations");
    private static final Pattern PRINTABLE_FIELD_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,40}");
    // Hex digits are base64 characters too: a hex hash would decode to the wrong bytes and never verify. A real
    // base64 hash of 16 bytes or more is all hex digits with a chance below 4^-21, so such text is refused as hex.
    private static final Pattern HEX = Pattern.compile("(?:[0-9a-f]{2}){16,}|(?:[0-9A-F]{2}){16,}");

    private final LegacyAlgorithm legacyAlgorithm;
    private final byte[] salt;
    private final int iterations;
    private final String encodedValue;

    private LegacyCredential(LegacyAlgorithm legacyAlgorithm, byte[] salt, int iterations, String encodedValue) {
        this.legacyAlgorithm = legacyAlgorithm;
        this.salt = salt;
        this.iterations = iterations;
        this.encodedValue = encodedValue;
    }

    /** Checks a migration's credential object; an absent one is the caller's case (no password), not this. */
    public static Result read(JsonNode credential) {
        try {
            return new Accepted(parse(credential));
        } catch (Refusal refusal) {
            return new Refused(refusal.reason, refusal.getMessage());
        }
    }

    /** The legacy algorithm it came with. */
    public LegacyAlgorithm legacyAlgorithm() {
        return legacyAlgorithm;
    }

    /** The algorithm Keycloak stores: the id of the password hash provider that verifies it. */
    public String algorithm() {
        return legacyAlgorithm.providerId();
    }

    /** The salt's bytes (a copy), or null for bcrypt, whose salt is inside its hash. */
    public byte[] salt() {
        return salt == null ? null : salt.clone();
    }

    /** PBKDF2's iteration count; 1 for salted SHA-256; bcrypt's cost (also inside its hash), shown in Keycloak's metrics. */
    public int iterations() {
        return iterations;
    }

    /** The value Keycloak stores: the bcrypt string as given, else the hash in standard padded base64. */
    public String encodedValue() {
        return encodedValue;
    }

    /** The credential to store for the user (its created date is left to the caller, or to Keycloak's "now"). */
    public PasswordCredentialModel toPasswordCredentialModel() {
        return PasswordCredentialModel.createFromValues(algorithm(), salt(), iterations, encodedValue);
    }

    @Override
    public String toString() {
        return "LegacyCredential[algorithm=" + algorithm() + ", iterations=" + iterations + "]";
    }

    private static LegacyCredential parse(JsonNode credential) throws Refusal {
        if (credential == null || !credential.isObject()) {
            throw new Refusal(Reason.INVALID_CREDENTIAL, "The credential must be a JSON object.");
        }
        for (Iterator<String> names = credential.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                // Only a plain field name is echoed: anything else might be a secret put in the wrong place.
                String shown = PRINTABLE_FIELD_NAME.matcher(name).matches() ? "field '" + name + "'" : "field";
                throw new Refusal(Reason.UNKNOWN_FIELD,
                        "The credential has an unknown " + shown + "; its fields are type, algorithm, hash, salt, iterations.");
            }
        }
        JsonNode type = field(credential, "type");
        if (type == null || !type.isTextual() || !PasswordCredentialModel.TYPE.equals(type.textValue())) {
            throw new Refusal(Reason.INVALID_CREDENTIAL_TYPE, "The credential's type must be \"password\".");
        }
        JsonNode algorithmName = field(credential, "algorithm");
        LegacyAlgorithm algorithm = algorithmName != null && algorithmName.isTextual()
                ? LegacyAlgorithm.byLegacyName(algorithmName.textValue()) : null;
        if (algorithm == null) {
            throw new Refusal(Reason.UNSUPPORTED_ALGORITHM,
                    "The credential's algorithm must be one of bcrypt, pbkdf2-sha256, pbkdf2-sha512, sha256-salted.");
        }
        switch (algorithm) {
            case BCRYPT:
                return bcrypt(credential);
            case PBKDF2_SHA256:
            case PBKDF2_SHA512:
                return pbkdf2(algorithm, credential);
            case SHA256_SALTED:
                return sha256Salted(credential);
            default:
                throw new IllegalStateException("No rules for " + algorithm);
        }
    }

    private static LegacyCredential bcrypt(JsonNode credential) throws Refusal {
        JsonNode hash = field(credential, "hash");
        int cost = hash != null && hash.isTextual() ? BcryptHash.cost(hash.textValue()) : -1;
        if (cost < 0) {
            throw new Refusal(Reason.INVALID_HASH, "A bcrypt hash must be a modular crypt string: $2a$, $2b$ or $2y$,"
                    + " a two-digit cost from 04 to 31, '$', then 53 characters of bcrypt's base64 (salt and hash).");
        }
        if (field(credential, "salt") != null) {
            throw new Refusal(Reason.INVALID_SALT, "A bcrypt credential has no salt field: its salt is inside its hash.");
        }
        if (field(credential, "iterations") != null) {
            throw new Refusal(Reason.INVALID_ITERATIONS, "A bcrypt credential has no iterations field: its cost is inside its hash.");
        }
        return new LegacyCredential(LegacyAlgorithm.BCRYPT, null, cost, hash.textValue());
    }

    private static LegacyCredential pbkdf2(LegacyAlgorithm algorithm, JsonNode credential) throws Refusal {
        byte[] key = hashBytes(algorithm, credential);
        if (key == null || key.length < MIN_PBKDF2_KEY_BYTES || key.length > MAX_PBKDF2_KEY_BYTES) {
            throw new Refusal(Reason.INVALID_HASH, "A " + algorithm.legacyName() + " hash must be standard base64 of "
                    + MIN_PBKDF2_KEY_BYTES + " to " + MAX_PBKDF2_KEY_BYTES + " bytes.");
        }
        byte[] salt = salt(algorithm, credential);
        JsonNode iterations = field(credential, "iterations");
        if (iterations == null || !iterations.isIntegralNumber() || !iterations.canConvertToInt()
                || iterations.intValue() < MIN_PBKDF2_ITERATIONS || iterations.intValue() > MAX_PBKDF2_ITERATIONS) {
            throw new Refusal(Reason.INVALID_ITERATIONS, "A " + algorithm.legacyName() + " credential needs iterations,"
                    + " a whole number from " + MIN_PBKDF2_ITERATIONS + " to " + MAX_PBKDF2_ITERATIONS + ".");
        }
        return new LegacyCredential(algorithm, salt, iterations.intValue(), canonical(key));
    }

    private static LegacyCredential sha256Salted(JsonNode credential) throws Refusal {
        byte[] digest = hashBytes(LegacyAlgorithm.SHA256_SALTED, credential);
        if (digest == null || digest.length != Sha256SaltedPasswordHashProvider.DIGEST_BYTES) {
            throw new Refusal(Reason.INVALID_HASH, "A sha256-salted hash must be standard base64 of 32 bytes.");
        }
        byte[] salt = salt(LegacyAlgorithm.SHA256_SALTED, credential);
        JsonNode iterations = field(credential, "iterations");
        if (iterations != null && !(iterations.isIntegralNumber() && iterations.canConvertToInt() && iterations.intValue() == 1)) {
            throw new Refusal(Reason.INVALID_ITERATIONS, "A sha256-salted credential is hashed once: iterations must be 1 or absent.");
        }
        return new LegacyCredential(LegacyAlgorithm.SHA256_SALTED, salt, 1, canonical(digest));
    }

    private static byte[] salt(LegacyAlgorithm algorithm, JsonNode credential) throws Refusal {
        byte[] salt = base64(field(credential, "salt"));
        if (salt == null || salt.length == 0 || salt.length > MAX_SALT_BYTES) {
            throw new Refusal(Reason.INVALID_SALT, "A " + algorithm.legacyName() + " credential needs a salt:"
                    + " standard base64 of 1 to " + MAX_SALT_BYTES + " bytes.");
        }
        return salt;
    }

    private static byte[] hashBytes(LegacyAlgorithm algorithm, JsonNode credential) throws Refusal {
        JsonNode hash = field(credential, "hash");
        if (hash != null && hash.isTextual() && HEX.matcher(hash.textValue()).matches()) {
            throw new Refusal(Reason.INVALID_HASH, "A " + algorithm.legacyName() + " hash looks hex-encoded;"
                    + " it must be standard base64 of the hash's bytes.");
        }
        return base64(hash);
    }

    /** A field's value; JSON null counts as absent. */
    private static JsonNode field(JsonNode credential, String name) {
        JsonNode value = credential.get(name);
        return value == null || value.isNull() ? null : value;
    }

    /** Standard base64 (RFC 4648 alphabet, padding optional, no line breaks), or null. */
    private static byte[] base64(JsonNode value) {
        if (value == null || !value.isTextual()) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(value.textValue());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // Keycloak's PBKDF2 verify() compares its own base64 text with the stored text, so the stored one must be
    // written exactly as Keycloak writes it (padded, canonical), whatever form the legacy export used.
    private static String canonical(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static final class Refusal extends Exception {

        private final Reason reason;

        Refusal(Reason reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }
}
