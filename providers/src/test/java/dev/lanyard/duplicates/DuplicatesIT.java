package dev.lanyard.duplicates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lanyard.testing.Api;
import dev.lanyard.testing.Api.Reply;
import dev.lanyard.testing.DemoRealm;
import dev.lanyard.testing.IssuerClients;
import dev.lanyard.testing.LanyardServer;
import dev.lanyard.testing.Passwordless;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Seed 000 "Duplicate Account Cleanup", step 1: 50 cardholders of one issuer with 10 planted duplicate groups (Gmail
 * dots and tags, Outlook tags, phones written four ways, names with accents and punctuation and the same date of birth)
 * and near misses that must stay apart; the query finds exactly the 10.
 */
@KeycloakIntegrationTest(config = LanyardServer.class)
class DuplicatesIT {

    @InjectRealm(lifecycle = LifeCycle.GLOBAL, fromJson = DemoRealm.JSON, config = DemoRealm.class)
    ManagedRealm realm;

    private final Random random = new Random();
    private final String n = letters(8);

    @Test
    void fiftyCardholdersTenPlantedGroupsNoFalseGroup() {
        String issuer = IssuerClients.unique("issuer-dup");
        String site = IssuerClients.site(realm, issuer);
        String office = IssuerClients.token(IssuerClients.backOffice(realm, issuer));
        Map<String, Set<String>> expected = new HashMap<>();
        int[] people = {0};
        String p1 = digits(4);
        String p2 = digits(4);
        String p3 = digits(4);
        String p4 = digits(4);

        group(expected, "EMAIL:ann", site, people, person("ann.lee." + n + "@gmail.com"), person("annlee" + n + "@gmail.com"),
                person("annlee" + n + "+shop@googlemail.com"));
        group(expected, "EMAIL:bo", site, people, person("bo." + n + "@gmail.com"), person("b.o" + n + "+x@gmail.com"));
        group(expected, "EMAIL:cy", site, people, person("cy" + n + "+news@outlook.com"), person("cy" + n + "@outlook.com"));
        group(expected, "PHONE:1", site, people, phone("+1 (555) 013-" + p1), phone("555.013." + p1), phone("1 555 013 " + p1));
        group(expected, "PHONE:2", site, people, phone("+44 20 7946 " + p2), phone("0044 20 7946 " + p2));
        group(expected, "PHONE:3", site, people, phone("(555) 014-" + p3), phone("+1-555-014-" + p3));
        group(expected, "PHONE:4", site, people, phone("+49 30 1234 " + p4), phone("0049 30 1234" + p4));
        group(expected, "NAME_AND_DATE_OF_BIRTH:jose", site, people, named("José", "Álvarez" + n, "1980-02-29"),
                named("Jose", "ALVAREZ" + n, "1980-02-29"));
        group(expected, "NAME_AND_DATE_OF_BIRTH:anne", site, people, named("Anne-Marie", "O'Neil" + n, "1975-07-01"),
                named("Annemarie", "ONeil" + n, "1975-07-01"));
        group(expected, "NAME_AND_DATE_OF_BIRTH:li", site, people, named("Li", "Wei" + n, "1990-01-01"), named("li", "wei" + n, "1990-01-01"));

        // Near misses: a dot that matters outside Gmail, another date of birth, the same digits in another country.
        add(site, people, person("dee." + n + "@example.com"));
        add(site, people, person("dee" + n + "@example.com"));
        add(site, people, named("Li", "Wei" + n, "1990-01-02"));
        add(site, people, named("José", "Álvarez" + n, "1981-02-28"));
        add(site, people, phone("+1 555 015 " + p1));
        add(site, people, phone("+44 555 015 " + p1));
        while (people[0] < 50) {
            add(site, people, named("Filler", "Person" + letters(6) + n, "2000-01-" + String.format("%02d", 1 + people[0] % 28)));
        }
        // The same address at another issuer is not this caller's business.
        IssuerClients.cardholder(realm, IssuerClients.site(realm, IssuerClients.unique("issuer-x")),
                "annlee" + n + "+elsewhere@gmail.com", "Out", "Sider", Map.of());

        Reply all = query(office, "{}", "");
        assertEquals(200, all.status(), all.body());
        assertEquals(50, all.json().get("scanned").asInt());
        assertTrue(all.json().get("complete").asBoolean());
        assertEquals(10, all.json().get("total").asInt(), all.body());
        assertEquals(new HashSet<>(expected.values()), groups(all.json()), "exactly the planted groups");
        assertEquals(new TreeSet<>(expected.keySet()).stream().map(k -> k.substring(0, k.indexOf(':'))).sorted().toList(),
                reasons(all.json()), "each with its reason");
        assertFalse(all.body().contains("@") || all.body().contains("1980") || all.body().contains(p2), "ids and reasons only");

        assertEquals(4, query(office, "{}", "?size=4").json().get("groups").size());
        assertEquals(2, query(office, "{}", "?size=4&page=2").json().get("groups").size());
        assertEquals(Set.of(expected.get("EMAIL:ann")), groups(query(office, "{\"email\": \"AnnLee" + n + "@gmail.com\"}", "").json()));
        assertEquals(Set.of(expected.get("NAME_AND_DATE_OF_BIRTH:jose")),
                groups(query(office, "{\"firstName\": \"jose\", \"lastName\": \"alvarez" + n + "\"}", "").json()),
                "the same name born on another day is a candidate, not a duplicate");
        assertEquals(Set.of(expected.get("PHONE:1")), groups(query(office, "{\"phone\": \"(555) 013-" + p1 + "\"}", "").json()));
        assertEquals(400, query(office, "{\"dateOfBirth\": \"31/12/1990\"}", "").status());
        assertEquals(403, query(Passwordless.siteToken(), "{}", "").status(), "a token without SYSTEM_USER_R");
    }

    private void group(Map<String, Set<String>> expected, String key, String site, int[] people, Holder... members) {
        Set<String> ids = new TreeSet<>();
        for (Holder member : members) {
            ids.add(add(site, people, member));
        }
        expected.put(key, ids);
    }

    private String add(String site, int[] people, Holder holder) {
        people[0]++;
        String email = holder.email() != null ? holder.email() : "p" + people[0] + "-" + letters(6) + "." + n + "@example.com";
        Map<String, String> attributes = new HashMap<>();
        attributes.put("phoneNumber", holder.phone() != null ? holder.phone() : "+1 555 029 " + String.format("%04d", people[0]));
        if (holder.birth() != null) {
            attributes.put("dateOfBirth", holder.birth());
        }
        String first = holder.firstName() != null ? holder.firstName() : "Pat" + letters(5);
        String last = holder.lastName() != null ? holder.lastName() : "Doe" + letters(5);
        return IssuerClients.cardholder(realm, site, email, first, last, attributes);
    }

    private record Holder(String email, String phone, String firstName, String lastName, String birth) {
    }

    private static Holder person(String email) {
        return new Holder(email, null, null, null, null);
    }

    private static Holder phone(String phone) {
        return new Holder(null, phone, null, null, null);
    }

    private static Holder named(String first, String last, String birth) {
        return new Holder(null, null, first, last, birth);
    }

    private static Set<Set<String>> groups(JsonNode answer) {
        Set<Set<String>> groups = new HashSet<>();
        for (JsonNode group : answer.get("groups")) {
            Set<String> ids = new TreeSet<>();
            group.get("userIds").forEach(id -> ids.add(id.asText()));
            groups.add(ids);
        }
        return groups;
    }

    private static List<String> reasons(JsonNode answer) {
        List<String> reasons = new ArrayList<>();
        answer.get("groups").forEach(group -> reasons.add(group.get("reason").asText()));
        return reasons.stream().sorted().toList();
    }

    private static Reply query(String token, String body, String paging) {
        return Api.postJson(Api.realmUrl(DemoRealm.NAME) + "/user/queries" + paging, token, body);
    }

    private String letters(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    private String digits(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append((char) ('0' + random.nextInt(10)));
        }
        return text.toString();
    }
}
