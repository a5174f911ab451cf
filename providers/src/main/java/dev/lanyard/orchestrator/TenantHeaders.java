package dev.lanyard.orchestrator;

import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;

import dev.lanyard.rest.ApiError;
import org.keycloak.models.ClientModel;

/**
 * Seed 002's required headers besides {@code Authorization}: {@code X-SourceSystem} (who calls, recorded on the person
 * and in the events), {@code X-ClientCode} (the tenant: this realm), {@code X-PaperCode} and {@code X-ClientGroupCode}
 * (the calling site's, its client attributes {@value #PAPER_CODE} and {@value #CLIENT_GROUP_CODE}).
 */
public record TenantHeaders(String sourceSystem, String clientCode, String paperCode, String clientGroupCode) {

    public static final String SOURCE_SYSTEM = "X-SourceSystem";
    public static final String CLIENT_CODE = "X-ClientCode";
    public static final String PAPER_CODE_HEADER = "X-PaperCode";
    public static final String CLIENT_GROUP_CODE_HEADER = "X-ClientGroupCode";
    public static final String PAPER_CODE = "lanyard.paper-code";
    public static final String CLIENT_GROUP_CODE = "lanyard.client-group-code";
    public static final String SITE_MISMATCH = "SITE_CODES_MISMATCH";
    static final List<String> REQUIRED = List.of(SOURCE_SYSTEM, CLIENT_CODE, PAPER_CODE_HEADER, CLIENT_GROUP_CODE_HEADER);
    private static final int MAX_LENGTH = 64;

    /** Missing or malformed: {@code UsersOrchestrator_E400_00} naming the header (never echoing its value). */
    public static TenantHeaders read(HttpHeaders headers) {
        String[] values = new String[REQUIRED.size()];
        for (int i = 0; i < values.length; i++) {
            String name = REQUIRED.get(i);
            String value = headers.getHeaderString(name);
            if (value == null || value.isBlank()) {
                throw OrchestratorCodes.invalidInput("The header " + name + " is required.");
            }
            value = value.trim();
            if (value.length() > MAX_LENGTH || value.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
                throw OrchestratorCodes.invalidInput("The header " + name + " is 1 to " + MAX_LENGTH + " printable characters without spaces.");
            }
            values[i] = value;
        }
        return new TenantHeaders(values[0], values[1], values[2], values[3]);
    }

    /**
     * The paper and client group are the calling site's: 403 otherwise, also for a client that has none (it is not a
     * site of the orchestrator). That {@code X-ClientCode} names this realm, {@code BearerAuth} has checked already
     * ({@code Tenants}, as for every seed's tenant header).
     */
    public void requireSite(ClientModel site) {
        if (!paperCode.equals(site.getAttribute(PAPER_CODE)) || !clientGroupCode.equals(site.getAttribute(CLIENT_GROUP_CODE))) {
            throw ApiError.forbidden(SITE_MISMATCH, "The headers " + PAPER_CODE_HEADER + " and " + CLIENT_GROUP_CODE_HEADER
                    + " do not name the calling site's paper and client group.");
        }
    }
}
