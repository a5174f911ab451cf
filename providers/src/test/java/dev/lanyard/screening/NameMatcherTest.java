package dev.lanyard.screening;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The scoring and the index on a list of five, without the snapshot. */
class NameMatcherTest {

    private static final SanctionsList LIST = new SanctionsList(List.of(
            person(1, "NORIEGA, Manuel Antonio"),
            person(2, "KONARS, Robert"),
            person(3, "BIN LADIN, Usama"),
            person(4, "MUHAMMAD, Hussein"),
            person(5, "HASSAN, Ali")), "test");
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
        assertEquals(1.0, score("MANUEL ANTONIO NORIEGA", "NORIEGA, Manuel Antonio"));
        assertEquals(1.0, score("NORIEGA MANUEL ANTONIO", "NORIEGA, Manuel Antonio"));
        double missingMiddle = score("MANUEL NORIEGA", "NORIEGA, Manuel Antonio");
        assertTrue(missingMiddle > 0.9 && missingMiddle < 0.95, "one of three parts unpaired: " + missingMiddle);
        assertTrue(score("NORIEGA", "NORIEGA, Manuel Antonio") < 0.85, "one of three parts");
        assertTrue(score("ROBERT JONES", "KONARS, Robert") < 0.8, "a shared first name does not carry another family name");
        double extraMiddle = score("MANUEL ANTONIO LUIS NORIEGA", "NORIEGA, Manuel Antonio");
        assertTrue(extraMiddle > 0.9 && extraMiddle < 0.95, "a middle name the list does not have: " + extraMiddle);
    }

    @Test
    void particlesAreAlsoTriedJoined() {
        assertEquals(List.of("USAMA BIN LADIN", "USAMA BINLADIN"), variants("USAMA BIN LADIN"));
        assertEquals(List.of("ABD AL RAHMAN MUHAMMAD", "ABDALRAHMAN MUHAMMAD"), variants("ABD AL RAHMAN MUHAMMAD"));
        assertEquals(List.of("MANUEL ANTONIO NORIEGA"), variants("MANUEL ANTONIO NORIEGA"), "no particle, nothing joined");
        assertEquals(List.of("AL ZAWAHIRI"), variants("AL ZAWAHIRI"), "one part would leave nothing to pair");
        NameParts joined = NameParts.of("USAMA BIN LADIN").withJoinedParts().get(1);
        assertArrayEquals(new double[] {5, 8}, joined.weights(), "BINLADIN weighs BIN + LADIN");
        assertEquals(13, joined.weight());
        assertTrue(score("USAMA BINLADIN", "BIN LADIN, Usama") > 0.99, "the list's BIN LADIN, joined");
    }

    @Test
    void theIndexFindsNamesWithTwoPartsThatSoundAlike() {
        assertEquals(List.of("NORIEGA, Manuel Antonio"), found("MANUEL NOREIGA"));
        assertEquals(List.of("NORIEGA, Manuel Antonio"), found("MANUEL MORIEGA"), "first letter wrong: the key without it");
        assertEquals(List.of("MUHAMMAD, Hussein"), found("MOHAMMED HUSSEIN"));
        assertEquals(List.of(), found("ROBERT JONES"), "one common part is not enough");
        assertEquals(List.of("KONARS, Robert"), found("ROBERT"), "a one-part name needs one");
        assertEquals(List.of(), found("BASSAM HASSAN"), "HASSAN sounds like both parts (ASSAN) but is one part of ALI HASSAN");
    }

    @Test
    void aHigherMinimumScoreNeedsMoreOfTheNameFound() {
        assertEquals(0.6, Screener.foundShare(90), 1e-9);
        assertEquals(1.0, Screener.foundShare(100), 1e-9);
        assertEquals(0.5, Screener.foundShare(50), 1e-9);
    }

    private double part(String a, String b) {
        return matcher.part(a, INDEX.key(a), b, INDEX.key(b));
    }

    /** The best score of the listed name or its joined variant. */
    private double score(String screened, String listedName) {
        NameMatcher.Screening screening = matcher.screening(NameParts.of(screened), INDEX);
        double best = 0;
        for (int id = 0; id < INDEX.size(); id++) {
            if (INDEX.name(id).listedName().equals(listedName)) {
                best = Math.max(best, screening.score(INDEX.name(id), 0));
            }
        }
        return best;
    }

    private static List<String> found(String screened) {
        return Arrays.stream(INDEX.candidates(NameParts.of(screened), Screener.foundShare(Screener.DEFAULT_MIN_SCORE)))
                .mapToObj(id -> INDEX.name(id).listedName()).distinct().collect(Collectors.toList());
    }

    private static List<String> variants(String name) {
        return NameParts.of(name).withJoinedParts().stream().map(NameParts::text).collect(Collectors.toList());
    }

    private static SdnEntry person(int number, String name) {
        return new SdnEntry(number, name, EntryType.INDIVIDUAL, List.of("TEST"), List.of());
    }
}
