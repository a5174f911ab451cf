package dev.lanyard.emailotp;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

import dev.lanyard.rest.ApiError;
import dev.lanyard.rest.Endpoints;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * A code asked for a person the legacy directory holds, while it does not answer. The request answers as for
 * everybody (telling who has not moved yet would be an oracle); the person is looked up again every
 * {@value #EVERY_SECONDS} s, off the request, on this node, until the directory answers (then the code goes out)
 * or the code's lifetime is over (then nothing goes out, and the log says so). One wait per address at a time
 * (a mark in the single-use store), so a flood of requests during an outage holds one thread per address at most.
 */
public final class OutageRetry {

    static final int EVERY_SECONDS = 5;
    private static final Logger LOG = Logger.getLogger(OutageRetry.class);
    private static final String EXECUTOR = "lanyard-code-retry";
    private static final String WAITING = "lanyard-code-retry:";

    /** Finds the person again in a new session (the realm is set in its context); it may throw the outage again. */
    public interface Lookup extends BiFunction<KeycloakSession, RealmModel, UserModel> {
    }

    private OutageRetry() {
    }

    /**
     * {@code site} is the site the code is for (null for a passcode, bound to the person only); {@code identifier}
     * what the requester typed.
     */
    public static void schedule(KeycloakSession session, RealmModel realm, CodePurpose purpose, ClientModel site, String identifier,
                                EmailOtpConfig config, Lookup lookup) {
        long lifetimeSeconds = Math.max(1, config.lifetimeSeconds());
        String mark = WAITING + purpose.name() + ":" + realm.getId() + ":" + EmailOtpService.digest(identifier);
        if (!session.singleUseObjects().putIfAbsent(mark, lifetimeSeconds)) {
            return; // already waiting for this address
        }
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        ExecutorService executor = session.getProvider(ExecutorsProvider.class).getExecutor(EXECUTOR);
        String realmId = realm.getId();
        String siteId = site == null ? null : site.getId();
        long deadline = Time.currentTimeMillis() + lifetimeSeconds * 1000L;
        executor.execute(() -> retry(factory, realmId, purpose, siteId, identifier, config, lookup, deadline));
    }

    private static void retry(KeycloakSessionFactory factory, String realmId, CodePurpose purpose, String siteId, String identifier,
                              EmailOtpConfig config, Lookup lookup, long deadline) {
        while (Time.currentTimeMillis() + EVERY_SECONDS * 1000L < deadline) {
            try {
                TimeUnit.SECONDS.sleep(EVERY_SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                KeycloakModelUtils.runJobInTransaction(factory, s -> {
                    RealmModel realm = s.realms().getRealm(realmId);
                    if (realm == null) {
                        return;
                    }
                    s.getContext().setRealm(realm);
                    s.setAttribute(Endpoints.REST_CALL, Boolean.TRUE); // an outage throws again, as in the request
                    UserModel user = lookup.apply(s, realm);
                    ClientModel site = siteId == null ? null : realm.getClientById(siteId);
                    OtpBinding binding = site == null ? OtpBinding.person() : OtpBinding.site(site);
                    new EmailOtpService(s, purpose).requestCode(realm, binding, identifier, user, config);
                });
                return;
            } catch (ApiError stillDown) {
                LOG.debugf("The legacy directory still does not answer; a %s waits (realm %s)", purpose.what, realmId);
            } catch (RuntimeException failed) {
                LOG.warnf("A %s waiting for the legacy directory failed (%s)", purpose.what, failed.getClass().getSimpleName());
                return;
            }
        }
        LOG.warnf("The legacy directory did not answer within the lifetime of a %s asked for in realm %s: it was not sent",
                purpose.what, realmId);
    }
}
