package dev.lanyard.pin;

import java.util.List;

import dev.lanyard.LanyardProviderFactory;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Required action {@value #ID} ("Set a PIN"): a page that sets the person's PIN, and the realm's PIN policy in its
 * config (Authentication → Required actions, gear icon). Enable it to let people set a PIN in the account console;
 * the REST endpoints read its config whether or not it is enabled, and use {@link PinPolicy#DEFAULT} without one.
 */
public final class PinRequiredActionFactory implements RequiredActionFactory, LanyardProviderFactory<RequiredActionProvider> {

    public static final String ID = "lanyard-pin";

    private static final PinRequiredAction SINGLETON = new PinRequiredAction();

    /** The realm's PIN policy. */
    public static PinPolicy policy(RealmModel realm) {
        RequiredActionConfigModel config = realm.getRequiredActionConfigByAlias(ID);
        return PinPolicy.of(config == null ? null : config.getConfig());
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayText() {
        return "Set a PIN (Lanyard)";
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return SINGLETON;
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(PinPolicy.MIN_LENGTH).label("Shortest PIN").type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(PinPolicy.DEFAULT.minLength())
                .helpText("Fewest digits of a PIN, 4 to 12. A PIN has at most 10^length values: keep the failure limit low.").add()
                .property().name(PinPolicy.MAX_LENGTH).label("Longest PIN").type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(PinPolicy.DEFAULT.maxLength()).helpText("Most digits of a PIN, up to 12.").add()
                .property().name(PinPolicy.NO_ALL_SAME).label("No all-same digits").type(ProviderConfigProperty.BOOLEAN_TYPE)
                .defaultValue(false).helpText("Refuse PINs made of one digit only (0000, 7777).").add()
                .property().name(PinPolicy.NO_STRAIGHT_RUNS).label("No straight runs").type(ProviderConfigProperty.BOOLEAN_TYPE)
                .defaultValue(false).helpText("Refuse PINs whose digits go straight up or down (1234, 9876). Off by default:"
                        + " the seed's own examples use 1234.").add()
                .property().name(PinPolicy.HISTORY).label("PIN history").type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(0)
                .helpText("A new PIN may not be one of the last N (0: no history).").add()
                .property().name(PinPolicy.MAX_FAILURES).label("Wrong PINs before lockout").type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(PinPolicy.DEFAULT.maxFailures())
                .helpText("After this many wrong PINs in a row, validation answers 'locked' until the PIN is changed or reset."
                        + " Wrong PINs also count in the realm's brute-force detection.").add()
                .build();
    }
}
