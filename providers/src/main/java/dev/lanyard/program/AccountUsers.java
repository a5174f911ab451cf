package dev.lanyard.program;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lanyard.RealmSecrets;
import dev.lanyard.rest.ApiError;
import dev.lanyard.rest.SeedEnvelope;
import dev.lanyard.userdata.EcUserDataCipher;
import dev.lanyard.userdata.EncryptedUserData;
import dev.lanyard.userdata.PhoneMerge;
import dev.lanyard.userdata.ResponseDetail;
import dev.lanyard.userdata.UserData;
import dev.lanyard.userdata.UserDataException;
import dev.lanyard.userdata.UserDataRuleException;
import dev.lanyard.userdata.UserDataRules;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Seed 004's profile updates of an account's user: the encrypted user data opened ({@link RecipientKeys},
 * {@link EcUserDataCipher}), checked ({@link UserDataRules}), the limits counted when an active account's SSN or phone
 * changes, then applied: names to the Keycloak user, the rest to Lanyard's profile record ({@link ProfileRecord}), the
 * identity sealed. A locked account answers the seed's 5/362 and changes nothing.
 */
final class AccountUsers {

    static final ResponseDetail CLOSED_ACCOUNT = new ResponseDetail(5, 363, "A user profile cannot be updated for a closed account");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeycloakSession session;
    private final RealmModel realm;
    private final Programs.Program program;
    private final Accounts accounts;

    AccountUsers(KeycloakSession session, RealmModel realm, Programs.Program program) {
        this.session = session;
        this.realm = realm;
        this.program = program;
        this.accounts = new Accounts(session, realm, program);
    }

    /** The seed's "Update User"; the detail to answer (success, or 5/362 for a locked account). */
    ResponseDetail update(AccountEntity account, AccountUserEntity link, UpdateRequest request) {
        ResponseDetail frozen = frozen(account);
        if (frozen != null) {
            return frozen;
        }
        UserData data = null;
        if (request.encryptedUserData() != null) {
            JsonNode opened = open(request.encryptedUserData());
            // KYC is requested by sending identifyingData: then the home address must satisfy the KYC rule.
            data = UserDataRules.check(opened, Programs.mode(realm), today(), opened.hasNonNull("identifyingData"), account.isKycCompleted());
        }
        ProfileRecord profile = ProfileRecord.of(link.getProfile());
        if (data != null && data.phones() != null) {
            data = new UserData(data.profile(), data.identity(), data.email(), PhoneMerge.merge(profile.phones(), data.phones()));
        }
        String ssnHash = link.getSsnHash();
        RealmSecrets vault = new RealmSecrets(session, realm);
        if (data != null && data.identity() != null && data.identity().ssn() != null) {
            ssnHash = vault.hash(AccountLimits.SSN, data.identity().ssn());
        }
        List<String> phoneHashes = new ArrayList<>();
        List<UserData.Phone> phones = data != null && data.phones() != null ? data.phones() : profile.phones();
        phones.forEach(p -> phoneHashes.add(vault.hash(AccountLimits.PHONE, p.number())));
        if (Accounts.ACTIVE.equals(account.getStatus())) {
            List<AccountLimits.Identifier> wanted = identifiers(account, link, ssnHash, phoneHashes);
            AccountLimits limits = accounts.limits();
            limits.lock(wanted);
            List<AccountLimits.Identifier> current = accounts.currentIdentifiers(account);
            ResponseDetail broken = limits.broken(account.getId(), wanted.stream().filter(i -> !current.contains(i)).toList());
            if (broken != null) {
                throw Accounts.limitBroken(broken);
            }
        }
        UserModel user = session.users().getUserById(realm, link.getUserId());
        long now = Time.currentTimeMillis();
        if (data != null) {
            if (data.profile() != null) {
                names(user, data.profile());
            }
            profile = profile.with(data, now);
            if (data.identity() != null) {
                link.setIdentityJwe(vault.seal(identityJson(data.identity())));
                link.setSsnHash(data.identity().ssn() == null ? null : ssnHash);
                link.setSsnLast4(data.identity().last4());
            }
        }
        if (request.peerTransferAcceptPreference() != null) {
            link.setPeerTransfer(request.peerTransferAcceptPreference());
        }
        profile = profile.withRequest(request);
        link.setProfile(profile.json());
        link.setUpdatedAt(now);
        List<AccountLimits.Identifier> held = identifiers(account, link, link.getSsnHash(), phoneHashes);
        accounts.hold(account, AccountLimits.SSN, held.stream().filter(i -> i.kind().equals(AccountLimits.SSN)).map(AccountLimits.Identifier::hash).toList());
        accounts.hold(account, AccountLimits.PHONE, held.stream().filter(i -> i.kind().equals(AccountLimits.PHONE)).map(AccountLimits.Identifier::hash).toList());
        return ResponseDetail.SUCCESS;
    }

    /** The seed's "Update User Name": profileData's names only. */
    ResponseDetail updateName(AccountEntity account, AccountUserEntity link, EncryptedUserData sealed) {
        ResponseDetail frozen = frozen(account);
        if (frozen != null) {
            return frozen;
        }
        UserData.Profile names = UserDataRules.checkName(open(sealed), today());
        names(session.users().getUserById(realm, link.getUserId()), names);
        link.setProfile(ProfileRecord.of(link.getProfile()).withMiddleName(names.middleName(), Time.currentTimeMillis()).json());
        link.setUpdatedAt(Time.currentTimeMillis());
        return ResponseDetail.SUCCESS;
    }

    private static ResponseDetail frozen(AccountEntity account) {
        if (Accounts.LOCKED.equals(account.getStatus())) {
            return ResponseDetail.LOCKED_ACCOUNT;
        }
        return Accounts.CLOSED.equals(account.getStatus()) ? CLOSED_ACCOUNT : null;
    }

    /** Every identifier the account would hold: each of its users' SSN and phones, this user's as given. */
    private List<AccountLimits.Identifier> identifiers(AccountEntity account, AccountUserEntity self, String ssnHash, List<String> phoneHashes) {
        RealmSecrets vault = new RealmSecrets(session, realm);
        List<AccountLimits.Identifier> all = new ArrayList<>();
        for (AccountUserEntity other : accounts.users(account)) {
            if (other.getUserId().equals(self.getUserId())) {
                continue;
            }
            if (other.getSsnHash() != null) {
                all.add(new AccountLimits.Identifier(AccountLimits.SSN, other.getSsnHash()));
            }
            ProfileRecord.of(other.getProfile()).phones().forEach(p -> all.add(new AccountLimits.Identifier(AccountLimits.PHONE,
                    vault.hash(AccountLimits.PHONE, p.number()))));
        }
        if (ssnHash != null) {
            all.add(new AccountLimits.Identifier(AccountLimits.SSN, ssnHash));
        }
        phoneHashes.forEach(h -> all.add(new AccountLimits.Identifier(AccountLimits.PHONE, h)));
        return all.stream().distinct().toList();
    }

    private void names(UserModel user, UserData.Profile profile) {
        if (profile.firstName() != null) {
            user.setFirstName(profile.firstName());
        }
        if (profile.lastName() != null) {
            user.setLastName(profile.lastName());
        }
    }

    /** The decrypted data as a JSON object; 400 with Lanyard's 93x codes for each way it fails. */
    private JsonNode open(EncryptedUserData sealed) {
        byte[] plaintext;
        try {
            plaintext = EcUserDataCipher.open(sealed, new RecipientKeys(session, realm)::byHash, program.parties());
        } catch (UserDataException e) {
            int subCode = switch (e.reason()) {
                case UNSUPPORTED_VERSION -> 930;
                case UNKNOWN_KEY -> 931;
                case INVALID_KEY -> 932;
                case MALFORMED -> 933;
                case TAMPERED -> 934;
            };
            throw details(new ResponseDetail(400, subCode, "encryptedUserData: " + e.getMessage()));
        }
        try {
            JsonNode data = JSON.readTree(plaintext);
            if (data == null || !data.isObject()) {
                throw details(new ResponseDetail(400, 935, "encryptedUserData does not hold a JSON object."));
            }
            return data;
        } catch (java.io.IOException e) {
            throw details(new ResponseDetail(400, 935, "encryptedUserData does not hold a JSON object."));
        } finally {
            java.util.Arrays.fill(plaintext, (byte) 0);
        }
    }

    static ApiError details(ResponseDetail detail) {
        return ApiError.badRequest("USER_DATA", detail.description()).withDetail(SeedEnvelope.RESPONSE_DETAILS, List.of(detail));
    }

    static ApiError rules(UserDataRuleException broken) {
        return ApiError.badRequest("USER_DATA", broken.details().get(0).description())
                .withDetail(SeedEnvelope.RESPONSE_DETAILS, broken.details());
    }

    private static String identityJson(UserData.Identity identity) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        values.put("ssn", identity.ssn());
        values.put("ssnSuffix", identity.ssnSuffix());
        values.put("dateOfBirth", identity.dateOfBirth() == null ? null : identity.dateOfBirth().toString());
        try {
            return JSON.writeValueAsString(values);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LocalDate today() {
        return LocalDate.ofInstant(java.time.Instant.ofEpochMilli(Time.currentTimeMillis()), ZoneOffset.UTC);
    }

    /** The parts of the seed's Update User body beside the encrypted data. */
    record UpdateRequest(String peerTransferAcceptPreference, EncryptedUserData encryptedUserData, ArrayNode termsAcceptances,
                         List<String> contactVerificationIdentifiers, String userIdCreateDate, String passwordChangeDate) {
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }
}
