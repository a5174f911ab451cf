package dev.lanyard.merge;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which person a merge keeps, without a server: the one named, else an active one before a disabled one, then the one
 * used or changed most recently (last sign-in, else creation), then the lowest id so the choice never depends on order.
 */
final class MergePlan {

    /** A person as the choice sees them. {@code lastUsed} is epoch millis. */
    record Person(String userId, boolean active, long lastUsed) {
    }

    private MergePlan() {
    }

    static String kept(Optional<String> named, List<Person> people) {
        if (named.isPresent()) {
            return named.get();
        }
        return people.stream().min(Comparator.comparing((Person p) -> !p.active()).thenComparing(Person::lastUsed, Comparator.reverseOrder())
                .thenComparing(Person::userId)).map(Person::userId).orElseThrow();
    }
}
