package dev.lanyard.program;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.lanyard.rest.ApiError;
import dev.lanyard.rest.BearerAuth;
import dev.lanyard.rest.Caller;
import dev.lanyard.rest.Endpoints;
import dev.lanyard.rest.ErrorCodes;
import dev.lanyard.rest.JsonBody;
import dev.lanyard.rest.SeedEnvelope;
import dev.lanyard.rest.SeedResource;
import dev.lanyard.rest.Unmatched;
import dev.lanyard.userdata.EncryptedUserData;
import dev.lanyard.userdata.ResponseDetail;
import dev.lanyard.userdata.UserDataRuleException;
import org.keycloak.models.KeycloakSession;

/**
 * Seed 004 at {@code /programs/{programCode}/accounts}: the seed's Update User ({@code PUT .../users/{u}}), Update
 * User Name ({@code PUT .../users/{u}/name}) and Retrieve User Profile ({@code GET .../users}), and Lanyard's own
 * account opening ({@code POST}) and status ({@code PUT .../{a}/status}), which the seed needs but does not show.
 * Callers are partner clients (client-credentials) whose attribute {@value Programs#PROGRAMS} lists the program; every
 * call carries {@value Programs#REQUEST_ID_HEADER}, a UUID.
 */
public final class AccountsResource extends SeedResource {

    private static final Set<String> OPEN_FIELDS = Set.of("userIdentifier", "productCode");
    private static final Set<String> UPDATE_FIELDS = Set.of("peerTransferAcceptPreference", "encryptedUserData", "termsAcceptances",
            "contactVerificationIdentifiers", "userIdCreateDate", "passwordChangeDate");
    private static final Set<String> SEALED_FIELDS = Set.of("version", "ephemeralPublicKey", "publicKeyHash", "data");
    private static final Set<String> TERMS_FIELDS = Set.of("termsIdentifier", "termsAcceptanceDateTime", "termsAcceptanceFlag");

    private final String programCode;

    public AccountsResource(KeycloakSession session, String programCode) {
        super(session, SeedEnvelope.BANKING);
        this.programCode = programCode;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response open(@Context HttpHeaders headers, String rawBody) {
        return run("openAccount", rawBody, () -> {
            Programs.Program program = program(headers);
            JsonBody body = JsonBody.parse(headers, rawBody, OPEN_FIELDS);
            AccountEntity account = new Accounts(session, realm, program).open(body.requiredString("userIdentifier", 36),
                    body.optionalString("productCode", 64));
            return accountAnswer(201, account);
        });
    }

    @PUT
    @Path("{accountIdentifier}/status")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response status(@PathParam("accountIdentifier") String accountIdentifier, @Context HttpHeaders headers, String rawBody) {
        return run("setAccountStatus", rawBody, () -> {
            Programs.Program program = program(headers);
            JsonBody body = JsonBody.parse(headers, rawBody, Set.of("status", "kycCompleted"));
            String status = body.requiredString("status", 16);
            Boolean kycCompleted = body.optionalBoolean("kycCompleted");
            Accounts accounts = new Accounts(session, realm, program);
            AccountEntity account = accounts.require(accountIdentifier);
            accounts.setStatus(account, status);
            if (Boolean.TRUE.equals(kycCompleted)) {
                // Once KYC is completed the identity freezes (seed 004); there is no way back.
                account.setKycCompleted(true);
            }
            return accountAnswer(200, account);
        });
    }

    @PUT
    @Path("{accountIdentifier}/users/{userIdentifier}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("accountIdentifier") String accountIdentifier, @PathParam("userIdentifier") String userIdentifier,
                           @Context HttpHeaders headers, String rawBody) {
        return run("updateBankingUser", rawBody, () -> {
            Programs.Program program = program(headers);
            AccountUsers.UpdateRequest request = updateRequest(JsonBody.parse(headers, rawBody, UPDATE_FIELDS));
            Accounts accounts = new Accounts(session, realm, program);
            AccountEntity account = accounts.require(accountIdentifier);
            AccountUserEntity link = accounts.requireUser(account, userIdentifier);
            return details(() -> new AccountUsers(session, realm, program).update(account, link, request));
        });
    }

    @PUT
    @Path("{accountIdentifier}/users/{userIdentifier}/name")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response updateName(@PathParam("accountIdentifier") String accountIdentifier, @PathParam("userIdentifier") String userIdentifier,
                               @Context HttpHeaders headers, String rawBody) {
        return run("updateBankingUserName", rawBody, () -> {
            Programs.Program program = program(headers);
            JsonBody body = JsonBody.parse(headers, rawBody, Set.of("encryptedUserData"));
            EncryptedUserData sealed = sealed(body.optionalObject("encryptedUserData"));
            if (sealed == null) {
                throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "The field 'encryptedUserData' is required.");
            }
            Accounts accounts = new Accounts(session, realm, program);
            AccountEntity account = accounts.require(accountIdentifier);
            AccountUserEntity link = accounts.requireUser(account, userIdentifier);
            return details(() -> new AccountUsers(session, realm, program).updateName(account, link, sealed));
        });
    }

    @GET
    @Path("{accountIdentifier}/users")
    @Produces(MediaType.APPLICATION_JSON)
    public Response users(@PathParam("accountIdentifier") String accountIdentifier, @Context HttpHeaders headers) {
        return run("readBankingUsers", null, () -> {
            Programs.Program program = program(headers);
            Accounts accounts = new Accounts(session, realm, program);
            AccountEntity account = accounts.require(accountIdentifier);
            List<Map<String, Object>> users = new ArrayList<>();
            for (AccountUserEntity link : accounts.users(account)) {
                users.add(ProfileView.of(account, link, session.users().getUserById(realm, link.getUserId())));
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("users", users);
            answer.put("responseDetails", List.of(new ResponseDetail(0, 0, "Success")));
            return Endpoints.json(200, answer);
        });
    }

    private static Response accountAnswer(int status, AccountEntity account) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("accountIdentifier", account.getId());
        answer.put("status", account.getStatus());
        answer.put("kycCompleted", account.isKycCompleted());
        answer.put("responseDetails", List.of(ResponseDetail.SUCCESS));
        return Endpoints.json(status, answer);
    }

    /** The partner (client-credentials), then the request id, then the program: in that order, as the issue asks. */
    private Programs.Program program(HttpHeaders headers) {
        Caller caller = BearerAuth.authenticate(session).requireServiceAccount();
        Programs.requireRequestId(headers.getHeaderString(Programs.REQUEST_ID_HEADER));
        return Programs.require(realm, caller, programCode);
    }

    /** The update's outcome as the seed answers it: HTTP 200 with the detail (success, or 5/362); broken rules 400. */
    private Response details(java.util.function.Supplier<ResponseDetail> update) {
        ResponseDetail outcome;
        try {
            outcome = update.get();
        } catch (UserDataRuleException broken) {
            throw AccountUsers.rules(broken);
        }
        if (outcome != ResponseDetail.SUCCESS) {
            // Answered 200 as the seed says, yet nothing of the request may stay written.
            session.getTransactionManager().setRollbackOnly();
        }
        return Endpoints.json(200, Map.of("responseDetails", List.of(outcome)));
    }

    private static AccountUsers.UpdateRequest updateRequest(JsonBody body) {
        String preference = body.optionalString("peerTransferAcceptPreference", 16);
        if (preference != null && !preference.equals("manual") && !preference.equals("automatic")) {
            throw AccountUsers.details(new ResponseDetail(400, 919, "peerTransferAcceptPreference is manual or automatic."));
        }
        ArrayNode terms = null;
        if (body.has("termsAcceptances")) {
            terms = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
            for (JsonNode item : body.requiredObjectArray("termsAcceptances", 20)) {
                JsonBody term = JsonBody.of(item, TERMS_FIELDS, "A terms acceptance");
                var entry = terms.addObject();
                entry.put("termsIdentifier", term.requiredString("termsIdentifier", 64));
                entry.put("termsAcceptanceDateTime", term.optionalString("termsAcceptanceDateTime", 64));
                Boolean flag = term.optionalBoolean("termsAcceptanceFlag");
                entry.put("termsAcceptanceFlag", flag != null && flag);
            }
        }
        List<String> ids = body.optionalStringArray("contactVerificationIdentifiers", 20, 36);
        if (ids != null && ids.stream().anyMatch(id -> !Accounts.isUuid(id))) {
            throw ApiError.badRequest(ErrorCodes.INVALID_REQUEST, "contactVerificationIdentifiers are UUIDs.");
        }
        return new AccountUsers.UpdateRequest(preference, sealed(body.optionalObject("encryptedUserData")), terms, ids,
                body.optionalString("userIdCreateDate", 64), body.optionalString("passwordChangeDate", 64));
    }

    private static EncryptedUserData sealed(JsonNode node) {
        if (node == null) {
            return null;
        }
        JsonBody sealed = JsonBody.of(node, SEALED_FIELDS, "encryptedUserData");
        Function<String, String> field = name -> sealed.optionalString(name, 128 * 1024);
        return new EncryptedUserData(field.apply("version"), field.apply("ephemeralPublicKey"), field.apply("publicKeyHash"), field.apply("data"));
    }

    @Override
    @POST
    @Unmatched
    @Path(NOT_OWN_PATH)
    public Response unmatchedPost(@PathParam("unmatched") String path) {
        return unmatched(path, HttpMethod.POST);
    }
}
