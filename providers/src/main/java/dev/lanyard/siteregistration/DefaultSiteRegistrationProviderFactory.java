package dev.lanyard.siteregistration;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.lanyard.LanyardProviderFactory;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** Site registrations in {@code LANYARD_SITE_REGISTRATION}; a removed person's, site's or realm's go with them. */
public final class DefaultSiteRegistrationProviderFactory implements SiteRegistrationProviderFactory,
        LanyardProviderFactory<SiteRegistrationProvider> {

    public static final String ID = "default";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public SiteRegistrationProvider create(KeycloakSession session) {
        return new SiteRegistrationProvider() {
            @Override
            public Optional<Map<String, String>> attributes(RealmModel realm, ClientModel site, UserModel user) {
                return new SiteRegistrationStore(session).find(realm.getId(), site.getId(), user.getId()).map(SiteRegistrationStore::read);
            }

            @Override
            public boolean register(RealmModel realm, ClientModel site, UserModel user) {
                SiteRegistrationStore store = new SiteRegistrationStore(session);
                return store.find(realm.getId(), site.getId(), user.getId()).isEmpty()
                        && store.save(realm.getId(), site.getId(), user.getId(), Map.of());
            }

            @Override
            public Map<String, Long> sitesOf(RealmModel realm, UserModel user) {
                return new SiteRegistrationStore(session).sitesOf(realm.getId(), user.getId());
            }

            @Override
            public List<String> peopleOfSites(RealmModel realm, Collection<String> siteIds, int first, int max) {
                return siteIds.isEmpty() ? List.of() : new SiteRegistrationStore(session).peopleOfSites(realm.getId(), siteIds, first, max);
            }
        };
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof UserModel.UserRemovedEvent removed) {
                new SiteRegistrationStore(removed.getKeycloakSession()).deleteUser(removed.getRealm().getId(), removed.getUser().getId());
            } else if (event instanceof ClientModel.ClientRemovedEvent removed) {
                new SiteRegistrationStore(removed.getKeycloakSession()).deleteSite(removed.getClient().getRealm().getId(),
                        removed.getClient().getId());
            } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
                new SiteRegistrationStore(removed.getKeycloakSession()).deleteRealm(removed.getRealm().getId());
            }
        });
    }
}
