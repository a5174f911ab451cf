package dev.lanyard.passwordhash;

import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.credential.PasswordCredentialModel;

/**
 * A password hash provider that only verifies: legacy formats are imported by a migration, never written by Keycloak.
 * After a successful sign-in Keycloak asks the realm policy's provider whether the stored hash matches the policy;
 * no policy provider accepts a legacy credential, so the password is re-hashed then.
 */
abstract class LegacyPasswordHashProvider implements PasswordHashProvider {

    private final String providerId;

    LegacyPasswordHashProvider(String providerId) {
        this.providerId = providerId;
    }

    // Keycloak asks the realm policy's provider, so this one is asked only if a policy names it: a legacy hash
    // never satisfies a policy, and re-hashing then fails loudly in encodedCredential (it was a misconfiguration).
    @Override
    public final boolean policyCheck(PasswordPolicy policy, PasswordCredentialModel credential) {
        return false;
    }

    @Override
    public final PasswordCredentialModel encodedCredential(String rawPassword, int iterations) {
        throw new UnsupportedOperationException(refusal());
    }

    // The interface's deprecated default would return the raw password as its "hash".
    @Override
    @Deprecated
    public final String encode(String rawPassword, int iterations) {
        throw new UnsupportedOperationException(refusal());
    }

    @Override
    public final void close() {
    }

    private String refusal() {
        return "Password hashing '" + providerId + "' only verifies legacy hashes imported by a migration;"
                + " it cannot hash new passwords. Choose another hashing algorithm in the realm's password policy.";
    }
}
