package dev.lanyard.jpa;

import java.util.List;

import dev.lanyard.LanyardProviderFactory;
import dev.lanyard.alias.AliasEntity;
import dev.lanyard.audit.HttpLogEntity;
import dev.lanyard.dts.DtsRecordEntity;
import dev.lanyard.enrollment.ConsentEntity;
import dev.lanyard.entitlement.RoleNumberEntity;
import dev.lanyard.orchestrator.CustomerRegistrationEntity;
import dev.lanyard.enrollment.IdempotencyEntity;
import dev.lanyard.audit.PersonAuditEntity;
import dev.lanyard.merge.MergeJobEntity;
import dev.lanyard.merge.MergePersonEntity;
import dev.lanyard.migration.batch.MigrationBatchEntity;
import dev.lanyard.person.PersonEntity;
import dev.lanyard.program.AccountEntity;
import dev.lanyard.program.AccountIdentifierEntity;
import dev.lanyard.program.AccountUserEntity;
import dev.lanyard.program.IdentifierLockEntity;
import dev.lanyard.migration.batch.MigrationRecordEntity;
import dev.lanyard.revalidation.RevalidationBatchEntity;
import dev.lanyard.revalidation.RevalidationItemEntity;
import dev.lanyard.screening.SanctionsListEntity;
import dev.lanyard.screening.ScreeningEntity;
import dev.lanyard.siteregistration.SiteRegistrationEntity;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;

/**
 * Lanyard's own tables, for what Keycloak has no place for (ARCHITECTURE.md): Keycloak adds these
 * entities to its persistence unit and runs the master changelog, which includes one file per
 * change, at start-up. Each capability's entities are listed here.
 */
public final class LanyardEntityProviderFactory implements JpaEntityProviderFactory, LanyardProviderFactory<JpaEntityProvider> {

    public static final String ID = "lanyard-entities";

    private static final List<Class<?>> ENTITIES = List.of(MigrationBatchEntity.class, MigrationRecordEntity.class,
            PersonAuditEntity.class, HttpLogEntity.class, SanctionsListEntity.class, ScreeningEntity.class,
            RevalidationBatchEntity.class, RevalidationItemEntity.class, AliasEntity.class, SiteRegistrationEntity.class,
            ConsentEntity.class, IdempotencyEntity.class, CustomerRegistrationEntity.class, PersonEntity.class,
            AttemptCounterEntity.class, RoleNumberEntity.class, AccountEntity.class, AccountUserEntity.class,
            AccountIdentifierEntity.class, IdentifierLockEntity.class, DtsRecordEntity.class, MergeJobEntity.class,
            MergePersonEntity.class);

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return new JpaEntityProvider() {
            @Override
            public List<Class<?>> getEntities() {
                return ENTITIES;
            }

            @Override
            public String getChangelogLocation() {
                return "META-INF/lanyard-changelog-master.xml";
            }

            @Override
            public String getFactoryId() {
                return ID;
            }

            @Override
            public void close() {
            }
        };
    }
}
