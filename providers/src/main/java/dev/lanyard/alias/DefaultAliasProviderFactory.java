package dev.lanyard.alias;

import java.util.List;

import dev.lanyard.LanyardProviderFactory;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Login aliases in Lanyard's table {@code LANYARD_ALIAS}. Option {@code --spi-lanyard-alias--default--max-per-person}
 * (default {@value #DEFAULT_MAX}). A removed person's or realm's aliases go with them.
 */
public final class DefaultAliasProviderFactory implements AliasProviderFactory, LanyardProviderFactory<AliasProvider> {

    public static final String ID = "default";
    static final int DEFAULT_MAX = 3;

    private int maxPerPerson;

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public AliasProvider create(KeycloakSession session) {
        return new DefaultAliasProvider(session, maxPerPerson);
    }

    @Override
    public void init(Config.Scope config) {
        maxPerPerson = Math.max(1, Math.min(100, config.getInt("max-per-person", DEFAULT_MAX)));
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name("max-per-person").type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(DEFAULT_MAX)
                .helpText("How many login aliases one person may hold (1-100).").add()
                .build();
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof UserModel.UserRemovedEvent removed) {
                new AliasStore(removed.getKeycloakSession()).deleteUser(removed.getRealm().getId(), removed.getUser().getId());
            } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
                new AliasStore(removed.getKeycloakSession()).deleteRealm(removed.getRealm().getId());
            }
        });
    }
}
