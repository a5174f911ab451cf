package dev.lanyard.testing;

import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;

/**
 * The demo realm of {@code realm-config/}, imported as {@code mvn -Prun} imports it (the tests use
 * it with {@code fromJson = DemoRealm.JSON}). One change: tests enter wrong codes faster than people
 * do, and Keycloak's quick-login check would lock a user on the second failure within a second,
 * hiding the failure limit the tests prove. The mail server's interceptor points SMTP at GreenMail.
 */
public final class DemoRealm implements RealmConfig {

    public static final String JSON = "/realm-config/demo-realm.json";
    public static final String NAME = "demo";
    public static final String SITE = "demo-site";
    public static final String SITE_SECRET = "demo-site-secret";
    public static final String PARTNER = "demo-partner";
    public static final String PARTNER_SECRET = "demo-partner-secret";
    public static final int FAILURE_FACTOR = 5;
    /** The migration partner: its tokens carry the MIGRATE_USERS scope (realm-config's client scope). */
    public static final String MIGRATOR = "demo-migrator";
    public static final String MIGRATOR_SECRET = "demo-migrator-secret";
    /** Reads audit trails: its service account holds realm-management's view-events role. */
    public static final String AUDITOR = "demo-auditor";
    public static final String AUDITOR_SECRET = "demo-auditor-secret";

    @Override
    public RealmBuilder configure(RealmBuilder realm) {
        RealmRepresentation representation = realm.build();
        representation.setQuickLoginCheckMilliSeconds(0L);
        return realm;
    }
}
