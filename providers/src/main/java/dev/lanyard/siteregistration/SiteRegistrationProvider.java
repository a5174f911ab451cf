package dev.lanyard.siteregistration;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.Provider;

/** People's registrations to sites, for the packages that read them (the token mapper, concierge, duplicates). */
public interface SiteRegistrationProvider extends Provider {

    /** The site's attributes of the person, if they are registered to it. */
    Optional<Map<String, String>> attributes(RealmModel realm, ClientModel site, UserModel user);

    /**
     * Registers the person to the site with no attributes if they are not registered to it; true when the registration
     * is new, false when one existed (it is left as it is). A registration made at the same moment by another request
     * meets the unique key (a {@code PersistenceException}).
     */
    boolean register(RealmModel realm, ClientModel site, UserModel user);

    /** The sites the person is registered to: each site client's internal id with the registration's time (epoch millis). */
    Map<String, Long> sitesOf(RealmModel realm, UserModel user);

    /**
     * A page of the Keycloak user ids registered to any of the sites (internal client ids), each once, in a stable
     * order: the people of an issuer, for the lists that must stay within it.
     */
    List<String> peopleOfSites(RealmModel realm, Collection<String> siteIds, int first, int max);

    @Override
    default void close() {
    }
}
