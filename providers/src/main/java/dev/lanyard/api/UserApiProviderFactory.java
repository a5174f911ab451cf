package dev.lanyard.api;

import java.util.List;

import dev.lanyard.WorkerOptions;
import dev.lanyard.enrollment.EnrollmentEvents;
import dev.lanyard.merge.MergeJobs;
import dev.lanyard.rest.SeedApiProviderFactory;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * Seed 000's user API at {@code /realms/{realm}/user}, and the duplicate-merge worker's options
 * ({@code --spi-realm-restapi-extension--user--merge-interval-seconds=5}).
 */
public final class UserApiProviderFactory extends SeedApiProviderFactory<UserApi> {

    public static final String ID = "user";

    public UserApiProviderFactory() {
        super(ID, UserApi.class, UserApi::new);
    }

    private static final String MERGE = "merge-";

    private WorkerOptions merges;

    @Override
    public void init(Config.Scope config) {
        merges = WorkerOptions.read(config, MERGE, 1);
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return WorkerOptions.metadata(MERGE, 1, "duplicate merges", "People merged per transaction; a merge is one person a transaction,"
                + " so this option has no effect.");
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        EnrollmentEvents.listen(factory);
        MergeJobs.start(factory, merges);
    }
}
