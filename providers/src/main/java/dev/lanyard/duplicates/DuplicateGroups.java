package dev.lanyard.duplicates;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Candidate duplicate groups among people, without a server: people whose email, phone, or name with date of birth
 * have the same {@link ContactKeys} form. A group has two people or more; the same pair may stand in two groups for
 * two reasons. Groups come in a fixed order (reason, then their first user id), so pages are stable.
 */
public final class DuplicateGroups {

    /** Why people are in one group. */
    public enum Reason { EMAIL, PHONE, NAME_AND_DATE_OF_BIRTH }

    /** One person in the comparison forms; a null key takes no part in that reason. */
    public record Candidate(String userId, String email, String phone, String nameAndBirth) {
    }

    public record Group(Reason reason, List<String> userIds) {
    }

    private DuplicateGroups() {
    }

    public static List<Group> of(List<Candidate> people) {
        List<Group> groups = new ArrayList<>();
        groups.addAll(by(Reason.EMAIL, people, Candidate::email));
        groups.addAll(by(Reason.PHONE, people, Candidate::phone));
        groups.addAll(by(Reason.NAME_AND_DATE_OF_BIRTH, people, Candidate::nameAndBirth));
        return groups;
    }

    private static List<Group> by(Reason reason, List<Candidate> people, Function<Candidate, String> key) {
        Map<String, List<String>> byKey = new TreeMap<>();
        for (Candidate person : people) {
            String value = key.apply(person);
            if (value != null) {
                byKey.computeIfAbsent(value, k -> new ArrayList<>()).add(person.userId());
            }
        }
        return byKey.values().stream().filter(ids -> ids.size() > 1).map(ids -> ids.stream().sorted().distinct().toList())
                .filter(ids -> ids.size() > 1).map(ids -> new Group(reason, ids))
                .sorted(Comparator.comparing(group -> group.userIds().get(0))).toList();
    }
}
