package dev.lanyard.passwordhash;

import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.credential.dto.PasswordSecretData;

/** Verifies legacy bcrypt hashes ($2a$, $2b$, $2y$) with the BouncyCastle that Keycloak ships. */
final class BcryptPasswordHashProvider extends LegacyPasswordHashProvider {

    BcryptPasswordHashProvider() {
        super(BcryptPasswordHashProviderFactory.ID);
    }

    @Override
    public boolean verify(String rawPassword, PasswordCredentialModel credential) {
        PasswordSecretData secret = credential.getPasswordSecretData();
        String crypt = secret == null ? null : secret.getValue();
        if (rawPassword == null || BcryptHash.cost(crypt) < 0) {
            return false;
        }
        // UTF-8, 72 bytes at most, as bcrypt does; the comparison of the re-computed string is constant-time.
        return OpenBSDBCrypt.checkPassword(crypt, rawPassword.toCharArray());
    }
}
