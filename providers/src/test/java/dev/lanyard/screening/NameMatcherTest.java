package dev.lanyard.screening;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The scoring and the index on a list of four, without the snapshot. */
class NameMatcherTest {

    private static final SanctionsList LIST = new SanctionsList(List.of(
            person(1, "NORIEGA, Manuel Antonio"),
            person(2, "KONARS, Robert"),
            person(3, "BIN LADIN, Usama"),
            person(4, "MUHAMMAD, Hussein")), "test");
    private static final NameIndex INDEX = LIST.index();
    private final NameMatcher matcher = new NameMatcher();

    @Test
    void namePartsScoreByJaroWinklerSoundexAndKnee() {
        assertEquals(1.0, part("NORIEGA", "NORIEGA"));
        assertTrue(part("NORIEGA", "NOREIGA") > 0.97, "a transposition, same Soundex");
        assertTrue(part("NORIEGA", "MORIEGA") > 0.9, "first letter wrong, Jaro-Winkler alone");
        assertTrue(part("MOHAMMED", "MUHAMMAD") > 0.88, "Jaro-Winkler 0.85, which the knee alone makes 0.70; the same Soundex pulls it up");
        assertTrue(part("MARY", "MARK") < 0.86, "Jaro-Winkler 0.88 but another name: below the knee");
        assertTrue(part("JONES", "KONARS") < 0.5);
    }

    @Test
    void partOrderDoesNotMatterAndUnpairedPartsCost() {
        assertEquals(1.0, score("MANUEL ANTONIO NORIEGA", 0));
        assertEquals(1.0, score("NORIEGA MANUEL ANTONIO", 0));
        double missingMiddle = score("MANUEL NORIEGA", 0);
        assertTrue(missingMiddle > 0.9 && missingMiddle < 0.95, "one of three parts unpaired: " + missingMiddle);
        assertTrue(score("NORIEGA", 0) < 0.85, "one of three parts: " + score("NORIEGA", 0));
        assertTrue(score("ROBERT JONES", 1) < 0.8, "a shared first name does not carry another family name");
    }

    @Test
    void particlesAreAlsoTriedJoined() {
        List<String> variants = NameParts.of("USAMA BIN LADIN").withJoinedParts().stream().map(NameParts::text).collect(Collectors.toList());
        assertEquals(List.of("USAMA BIN LADIN", "USAMABIN LADIN", "USAMA BINLADIN"), variants);
        assertEquals(List.of("MANUEL ANTONIO NORIEGA"),
                NameParts.of("MANUEL ANTONIO NORIEGA").withJoinedParts().stream().map(NameParts::text).collect(Collectors.toList()),
                "no particle, nothing joined");
        assertEquals(1, NameParts.of("AL ZAWAHIRI").withJoinedParts().size(), "two parts stay two");
        NameParts joined = NameParts.of("USAMA BIN LADIN").withJoinedParts().get(2);
        assertArrayEquals(new double[] {5, 8}, joined.weights(), "BINLADIN weighs BIN + LADIN");
        assertEquals(13, joined.weight());
    }

    @Test
    void theIndexFindsNamesWithTwoPartsThatSoundAlike() {
        assertEquals(List.of("NORIEGA, Manuel Antonio"), found("MANUEL NOREIGA"));
        assertEquals(List.of("NORIEGA, Manuel Antonio"), found("MANUEL MORIEGA"), "first letter wrong: the key without it");
        assertEquals(List.of("MUHAMMAD, Hussein"), found("MOHAMMED HUSSEIN"));
        assertEquals(List.of(), found("ROBERT JONES"), "one common part is not enough");
        assertEquals(List.of("KONARS, Robert"), found("ROBERT"), "a one-part name needs one");
    }

    private double part(String a, String b) {
        return matcher.part(a, INDEX.key(a), b, INDEX.key(b));
    }

    private double score(String screened, int nameId) {
        NameMatcher.Screening screening = matcher.screening(NameParts.of(screened), INDEX);
        return screening.score(INDEX.name(nameId), 0);
    }

    private static List<String> found(String screened) {
        return Arrays.stream(INDEX.candidates(screened.split(" "))).mapToObj(id -> INDEX.name(id).listedName())
                .distinct().collect(Collectors.toList());
    }

    private static SdnEntry person(int number, String name) {
        return new SdnEntry(number, name, EntryType.INDIVIDUAL, List.of("TEST"), List.of());
    }
}
