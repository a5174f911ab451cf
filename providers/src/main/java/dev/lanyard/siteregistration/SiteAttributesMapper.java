package dev.lanyard.siteregistration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.lanyard.LanyardVersion;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.representations.IDToken;

/**
 * Protocol mapper {@value #ID}: puts the person's registration attributes of the token's own client (the site) into a
 * claim, {@value #DEFAULT_CLAIM} by default. Another site's attributes never reach the token: the lookup is by the
 * client the token is issued to. No registration, no claim.
 */
public final class SiteAttributesMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, UserInfoTokenMapper, ServerInfoAwareProviderFactory {

    public static final String ID = "lanyard-site-attributes";
    public static final String DEFAULT_CLAIM = "site_attributes";

    private static final List<ProviderConfigProperty> CONFIG = config();

    private static List<ProviderConfigProperty> config() {
        List<ProviderConfigProperty> config = new ArrayList<>();
        ProviderConfigProperty claim = new ProviderConfigProperty();
        claim.setName(OIDCAttributeMapperHelper.TOKEN_CLAIM_NAME);
        claim.setLabel(OIDCAttributeMapperHelper.TOKEN_CLAIM_NAME_LABEL);
        claim.setType(ProviderConfigProperty.STRING_TYPE);
        claim.setDefaultValue(DEFAULT_CLAIM);
        claim.setHelpText("Name of the claim holding the site's attributes of the person, an object of strings.");
        config.add(claim);
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(config, SiteAttributesMapper.class);
        return List.copyOf(config);
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "Lanyard site attributes";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "The person's registration attributes of this site (POST /user/register/{siteId}), as one claim; other sites'"
                + " attributes never.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mapping, UserSessionModel userSession, KeycloakSession session,
                            ClientSessionContext clientSessionCtx) {
        ClientModel site = clientSessionCtx.getClientSession().getClient();
        SiteRegistrationProvider registrations = session.getProvider(SiteRegistrationProvider.class);
        String claim = mapping.getConfig().get(OIDCAttributeMapperHelper.TOKEN_CLAIM_NAME);
        String name = claim == null || claim.isBlank() ? DEFAULT_CLAIM : claim.trim();
        registrations.attributes(site.getRealm(), site, userSession.getUser())
                .ifPresent(attributes -> token.getOtherClaims().put(name, attributes));
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return LanyardVersion.operationalInfo();
    }
}
