package dev.lanyard.pin;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.keycloak.credential.CredentialInput;
import org.keycloak.credential.CredentialInputValidator;
import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;

/**
 * Credential type {@value #TYPE}: a person's PIN (seed 003), at most one, with the last N as {@value #HISTORY_TYPE}
 * when the realm's PIN policy keeps a history. Shown in the admin console's Credentials tab and, with its
 * {@value PinRequiredActionFactory#ID} required action enabled, in the account console ("Set up PIN").
 */
public final class PinCredentialProvider implements CredentialProvider<CredentialModel>, CredentialInputValidator {

    public static final String TYPE = "lanyard-pin";
    public static final String HISTORY_TYPE = "lanyard-pin-history";

    private final KeycloakSession session;

    PinCredentialProvider(KeycloakSession session) {
        this.session = session;
    }

    /** The provider of the session (Keycloak creates one per session). */
    public static PinCredentialProvider of(KeycloakSession session) {
        return (PinCredentialProvider) session.getProvider(CredentialProvider.class, PinCredentialProviderFactory.ID);
    }

    @Override
    public String getType() {
        return TYPE;
    }

    /** Sets {@code pin} as the person's PIN (the caller checked the policy), moving the old one into the history. */
    public void set(RealmModel realm, UserModel user, String pin, boolean temporary, PinPolicy policy) {
        Optional<CredentialModel> old = current(user);
        old.ifPresent(o -> user.credentialManager().removeStoredCredentialById(o.getId()));
        if (policy.history() > 0) {
            old.ifPresent(o -> {
                CredentialModel previous = PasswordCredentialModel.createFromCredentialModel(o);
                previous.setId(null);
                previous.setType(HISTORY_TYPE);
                previous.setCreatedDate(o.getCreatedDate());
                user.credentialManager().createStoredCredential(previous);
            });
            List<CredentialModel> history = user.credentialManager().getStoredCredentialsByTypeStream(HISTORY_TYPE)
                    .sorted(Comparator.comparing(CredentialModel::getCreatedDate).reversed()).toList();
            history.stream().skip(Math.max(0, policy.history() - 1))
                    .forEach(h -> user.credentialManager().removeStoredCredentialById(h.getId()));
        } else {
            user.credentialManager().getStoredCredentialsByTypeStream(HISTORY_TYPE).toList()
                    .forEach(h -> user.credentialManager().removeStoredCredentialById(h.getId()));
        }
        CredentialModel stored = PinSecrets.hash(session, realm, pin, TYPE, temporary);
        stored.setUserLabel(temporary ? "Temporary PIN" : "PIN");
        user.credentialManager().createStoredCredential(stored);
    }

    /** Whether {@code pin} is the current or one of the kept previous PINs. */
    public boolean inHistory(RealmModel realm, UserModel user, String pin, PinPolicy policy) {
        if (policy.history() == 0) {
            return false;
        }
        return current(user).filter(c -> PinSecrets.matches(session, realm, pin, c)).isPresent()
                || user.credentialManager().getStoredCredentialsByTypeStream(HISTORY_TYPE)
                .anyMatch(h -> PinSecrets.matches(session, realm, pin, h));
    }

    public Optional<CredentialModel> current(UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(TYPE).findFirst();
    }

    public boolean matches(RealmModel realm, UserModel user, String pin) {
        return current(user).filter(c -> PinSecrets.matches(session, realm, pin, c)).isPresent();
    }

    @Override
    public CredentialModel createCredential(RealmModel realm, UserModel user, CredentialModel credential) {
        return user.credentialManager().createStoredCredential(credential);
    }

    @Override
    public boolean deleteCredential(RealmModel realm, UserModel user, String credentialId) {
        return user.credentialManager().removeStoredCredentialById(credentialId);
    }

    @Override
    public CredentialModel getCredentialFromModel(CredentialModel model) {
        return model;
    }

    @Override
    public CredentialTypeMetadata getCredentialTypeMetadata(CredentialTypeMetadataContext context) {
        return CredentialTypeMetadata.builder().type(TYPE).category(CredentialTypeMetadata.Category.TWO_FACTOR)
                .displayName("lanyardPinDisplayName").helpText("lanyardPinHelpText").iconCssClass("kcAuthenticatorPasswordClass")
                .createAction(PinRequiredActionFactory.ID).updateAction(PinRequiredActionFactory.ID).removeable(false).build(session);
    }

    @Override
    public boolean supportsCredentialType(String credentialType) {
        return TYPE.equals(credentialType);
    }

    @Override
    public boolean isConfiguredFor(RealmModel realm, UserModel user, String credentialType) {
        return supportsCredentialType(credentialType) && current(user).isPresent();
    }

    /** A PIN typed as a {@link CredentialInput} of type {@value #TYPE}. */
    @Override
    public boolean isValid(RealmModel realm, UserModel user, CredentialInput input) {
        return supportsCredentialType(input.getType()) && PinPolicy.plausible(input.getChallengeResponse())
                && matches(realm, user, input.getChallengeResponse());
    }
}
