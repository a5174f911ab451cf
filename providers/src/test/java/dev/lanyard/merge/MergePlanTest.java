package dev.lanyard.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import dev.lanyard.merge.MergePlan.Person;
import org.junit.jupiter.api.Test;

class MergePlanTest {

    @Test
    void theNamedPersonElseTheActiveOneUsedLast() {
        List<Person> people = List.of(new Person("b", false, 900), new Person("c", true, 100), new Person("a", true, 500));
        assertEquals("a", MergePlan.kept(Optional.empty(), people), "active before disabled, then the most recent");
        assertEquals("c", MergePlan.kept(Optional.of("c"), people));
        assertEquals("a", MergePlan.kept(Optional.empty(), List.of(new Person("b", true, 5), new Person("a", true, 5))), "ties: lowest id");
        assertEquals("b", MergePlan.kept(Optional.empty(), List.of(new Person("b", false, 5), new Person("a", false, 1))));
    }
}
