package dev.lanyard.duplicates;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import dev.lanyard.duplicates.DuplicateGroups.Candidate;
import dev.lanyard.duplicates.DuplicateGroups.Group;
import dev.lanyard.duplicates.DuplicateGroups.Reason;
import org.junit.jupiter.api.Test;

class DuplicateGroupsTest {

    @Test
    void groupsOfTwoOrMorePerReasonInAFixedOrder() {
        List<Group> groups = DuplicateGroups.of(List.of(
                new Candidate("u3", "a@gmail.com", "+15550100001", null),
                new Candidate("u1", "a@gmail.com", null, "ann|lee|1990-01-01"),
                new Candidate("u2", "b@example.com", "+15550100001", "ann|lee|1990-01-01"),
                new Candidate("u4", "c@example.com", "+15550100002", "ann|lee|1990-01-02"),
                new Candidate("u5", null, null, null)));
        assertEquals(List.of(new Group(Reason.EMAIL, List.of("u1", "u3")), new Group(Reason.PHONE, List.of("u2", "u3")),
                new Group(Reason.NAME_AND_DATE_OF_BIRTH, List.of("u1", "u2"))), groups);
    }

    @Test
    void nobodyAloneAndNoKeyNoGroup() {
        assertEquals(List.of(), DuplicateGroups.of(List.of(new Candidate("u1", "a@x.com", null, null), new Candidate("u2", null, null, null),
                new Candidate("u3", null, null, null))));
    }
}
