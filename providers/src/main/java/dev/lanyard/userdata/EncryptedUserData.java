package dev.lanyard.userdata;

/**
 * Seed 004's {@code encryptedUserData}: {@code version} (EC_v1 or EC_v2), the sender's {@code ephemeralPublicKey}
 * (base64 X.509), {@code publicKeyHash} (base64 SHA-256 of the recipient key's X.509 encoding) and {@code data}
 * (base64). Opened by {@link EcUserDataCipher}.
 */
public record EncryptedUserData(String version, String ephemeralPublicKey, String publicKeyHash, String data) {

    /** Never the sealed bytes in a log line. */
    @Override
    public String toString() {
        return "EncryptedUserData[" + version + "]";
    }
}
