package dev.lanyard.totp;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.keycloak.credential.CredentialModel;

/** A user's TOTP device: one Keycloak OTP credential, as the REST answers show it. */
public record TotpDevice(String id, String deviceName, Long createdDate) {

    static TotpDevice of(CredentialModel credential) {
        return new TotpDevice(credential.getId(), credential.getUserLabel(), credential.getCreatedDate());
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("deviceName", deviceName);
        json.put("createdDate", createdDate == null ? null : Instant.ofEpochMilli(createdDate).toString());
        return json;
    }
}
