package dev.lanyard.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Screening on the OFAC SDN snapshot at the default minimum score: listed people are found, ordinary names are not. */
class ScreenerTest {

    // Common given names (US Social Security top names) and surnames (US census top surnames).
    static final List<String> FIRST_NAMES = List.of(
            "James", "Robert", "John", "Michael", "David", "William", "Richard", "Joseph", "Thomas", "Christopher",
            "Charles", "Daniel", "Matthew", "Anthony", "Mark", "Donald", "Steven", "Paul", "Andrew", "Joshua",
            "Kenneth", "Kevin", "Brian", "George", "Timothy", "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth",
            "Barbara", "Susan", "Jessica", "Sarah", "Karen", "Lisa", "Nancy", "Betty", "Sandra", "Margaret",
            "Ashley", "Kimberly", "Emily", "Donna", "Michelle", "Carol", "Amanda", "Melissa", "Deborah", "Stephanie");
    static final List<String> LAST_NAMES = List.of(
            "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
            "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
            "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
            "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores");
    // Common names of the regions most of the listed individuals come from: far more of them share names with the list.
    static final List<String> WORLD_FIRST_NAMES = List.of(
            "Jose", "Juan", "Carlos", "Luis", "Jorge", "Miguel", "Maria", "Ana", "Rosa", "Carmen",
            "Mohammed", "Ahmed", "Ali", "Omar", "Hassan", "Fatima", "Aisha", "Wei", "Li", "Ivan",
            "Olga", "Sergei", "Dmitri", "Elena", "Yusuf");
    static final List<String> WORLD_LAST_NAMES = List.of(
            "Garcia", "Rodriguez", "Martinez", "Lopez", "Gonzalez", "Perez", "Sanchez", "Ramirez", "Torres", "Flores",
            "Khan", "Ali", "Hussein", "Ahmed", "Rahman", "Wang", "Zhang", "Chen", "Ivanov", "Petrov",
            "Smirnov", "Kim", "Park", "Silva", "Santos", "Mendoza", "Castro", "Diaz", "Cruz", "Reyes",
            "Morales", "Ortiz", "Gutierrez", "Chavez", "Ramos", "Ruiz", "Alvarez", "Romero", "Vargas", "Herrera");

    private static Screener screener;

    @BeforeAll
    static void loadSnapshot() {
        screener = new Screener(SdnSnapshot.list(), Screener.DEFAULT_MIN_SCORE);
    }

    @Test
    void exactName() {
        ScreeningMatch match = best(screener.screen("Manuel Antonio", "Noriega"));
        assertEquals(1572, match.entryNumber());
        assertEquals(100.0, match.score());
        assertEquals("NORIEGA, Manuel Antonio", match.matchedName());
        assertEquals(ScreeningMatch.PRIMARY, match.nameKind());
        assertEquals(EntryType.INDIVIDUAL, match.entryType());
        assertEquals(List.of("CUBA"), match.programs());
        assertEquals(100.0, best(screener.screen("NORIEGA, Manuel Antonio")).score(), "as the list writes it");
    }

    @Test
    void firstLastOrder() {
        assertFound(1572, 100, screener.screen("Manuel Antonio Noriega"));
        assertFound(4108, 100, screener.screen("Miguel Angel Rodriguez Orejuela"));
        assertFound(1572, 100, screener.screen("Noriega", "Manuel Antonio"), "given and family name swapped");
    }

    @Test
    void alias() {
        ScreeningMatch aregon = best(screener.screen("Max", "Aregon"));
        assertEquals(6861, aregon.entryNumber());
        assertEquals("AREGON, Max", aregon.matchedName());
        assertEquals("aka", aregon.nameKind());
        assertEquals("GUZMAN LOERA, Joaquin", aregon.entryName());
        ScreeningMatch habash = best(screener.screen("George Habash"));
        assertEquals(2680, habash.entryNumber());
        assertEquals("HABASH, George", habash.matchedName(), "the alias, not the primary HABBASH");
        assertFound(7843, 100, screener.screen("Saddam", "Hussein"));
    }

    @Test
    void typo() {
        assertFound(1572, 99, screener.screen("Manuel Antonio", "Noreiga"));
        assertFound(1572, 95, screener.screen("Manuel Antonio", "Moriega"), "first letter wrong");
        assertFound(4108, 99, screener.screen("Miguel Angel", "Rodriguez Orejula"));
        assertFound(2676, 90, screener.screen("Aiman", "Zawahiri"), "another spelling, without the particle");
        assertFound(12606, 95, screener.screen("Moammar", "Gadhafi"));
    }

    @Test
    void withoutDiacritics() {
        // The list writes names without diacritics; people type them with.
        assertFound(6861, 100, screener.screen("Joaquín", "Guzmán Loera"));
        assertFound(4108, 100, screener.screen("Miguel Ángel", "Rodríguez Orejuela"));
        assertFound(4400, 100, screener.screen("Joaquín Emilio", "Muñoz Paz"));
        assertFound(22790, 90, screener.screen("Nicolás", "Maduro"));
    }

    @Test
    void missingMiddleName() {
        ScreeningMatch noriega = best(screener.screen("Manuel", "Noriega"));
        assertEquals(1572, noriega.entryNumber());
        assertTrue(noriega.score() >= Screener.DEFAULT_MIN_SCORE && noriega.score() < 100, "score " + noriega.score());
        assertFound(4108, 90, screener.screen("Miguel", "Rodriguez Orejuela"));
        assertFound(4400, 90, screener.screen("Joaquin", "Munoz Paz"));
        assertFound(6861, 90, screener.screen("Joaquin", "Guzman"), "second family name left out");
    }

    @Test
    void particlesWrittenJoinedOrApart() {
        assertFound(6365, 100, screener.screen("Usama", "bin Ladin"));
        assertFound(6365, 95, screener.screen("Usama", "Binladen"));
        assertFound(2676, 95, screener.screen("Ayman", "Alzawahiri"));
    }

    @Test
    void peopleAreScreenedAgainstIndividualsOnly() {
        assertEquals(List.of(), screener.screen("Banco Nacional de Cuba"));
        Screener everything = new Screener(SdnSnapshot.list(), Screener.DEFAULT_MIN_SCORE, EnumSet.allOf(EntryType.class));
        ScreeningMatch bank = best(everything.screen("Banco Nacional de Cuba"));
        assertEquals(306, bank.entryNumber());
        assertEquals(EntryType.ENTITY, bank.entryType());
    }

    @Test
    void matchesAreTheBestNameOfEachEntryBestFirst() {
        List<ScreeningMatch> matches = new Screener(SdnSnapshot.list(), 80).screen("Mohammed", "Hussein");
        assertFalse(matches.isEmpty());
        assertTrue(matches.size() <= Screener.MAX_MATCHES, matches.toString());
        assertEquals(matches.size(), matches.stream().map(ScreeningMatch::entryNumber).distinct().count(), "one match per entry");
        for (int i = 0; i < matches.size(); i++) {
            assertTrue(matches.get(i).score() >= 80, matches.get(i).toString());
            assertTrue(i == 0 || matches.get(i - 1).score() >= matches.get(i).score(), matches.toString());
        }
    }

    @Test
    void aNameWithNothingToCompareIsRefusedNotPassed() {
        assertThrows(IllegalArgumentException.class, () -> screener.screen(" ", null));
        assertThrows(IllegalArgumentException.class, () -> screener.screen("Владимир Путин"));
        assertThrows(IllegalArgumentException.class, () -> new Screener(SdnSnapshot.list(), 0));
        assertThrows(IllegalArgumentException.class, () -> new Screener(SdnSnapshot.list(), 101));
        assertThrows(IllegalArgumentException.class, () -> new Screener(SdnSnapshot.list(), 90, EnumSet.noneOf(EntryType.class)));
    }

    @Test
    void sharedAcrossThreadsAnswersAsAlone() {
        List<String[]> names = new ArrayList<>();
        for (String first : WORLD_FIRST_NAMES) {
            names.add(new String[] {first, WORLD_LAST_NAMES.get(Math.abs(first.hashCode()) % WORLD_LAST_NAMES.size())});
        }
        Function<String[], List<ScreeningMatch>> screen = name -> screener.screen(name[0], name[1]);
        List<List<ScreeningMatch>> alone = names.stream().map(screen).collect(Collectors.toList());
        for (int round = 0; round < 5; round++) {
            assertEquals(alone, names.parallelStream().map(screen).collect(Collectors.toList()));
        }
    }

    @Test
    void ordinaryNamesRarelyMatch() {
        // 50 x 40 = 2,000 common US names; an exact collision with a listed person (John Lee) counts too.
        double rate = falsePositiveRate("common US names", FIRST_NAMES, LAST_NAMES);
        assertTrue(rate <= 0.01, "false-positive rate " + rate);
        // 25 x 40 = 1,000 names common in Latin America, the Arab world, China, Russia, Korea.
        double worldRate = falsePositiveRate("common names of other regions", WORLD_FIRST_NAMES, WORLD_LAST_NAMES);
        assertTrue(worldRate <= 0.08, "false-positive rate " + worldRate);
    }

    private static double falsePositiveRate(String label, List<String> firstNames, List<String> lastNames) {
        List<String> hits = new ArrayList<>();
        int screened = 0;
        for (String first : firstNames) {
            for (String last : lastNames) {
                screened++;
                List<ScreeningMatch> matches = screener.screen(first, last);
                if (!matches.isEmpty()) {
                    hits.add(first + " " + last + " ~ " + matches.get(0).matchedName() + " (" + matches.get(0).score() + ")");
                }
            }
        }
        double rate = (double) hits.size() / screened;
        System.out.printf("False positives, %s: %d of %d = %.2f %% at min score %.0f%n  %s%n", label, hits.size(), screened,
                100 * rate, Screener.DEFAULT_MIN_SCORE, String.join("\n  ", hits));
        return rate;
    }

    private static ScreeningMatch best(List<ScreeningMatch> matches) {
        assertFalse(matches.isEmpty(), "no match");
        return matches.get(0);
    }

    private static void assertFound(int entry, double atLeast, List<ScreeningMatch> matches) {
        assertFound(entry, atLeast, matches, "");
    }

    private static void assertFound(int entry, double atLeast, List<ScreeningMatch> matches, String why) {
        Map<Integer, Double> scores = matches.stream().collect(Collectors.toMap(ScreeningMatch::entryNumber, ScreeningMatch::score));
        assertTrue(scores.containsKey(entry), why + " entry " + entry + " not among " + matches);
        assertTrue(scores.get(entry) >= atLeast, why + " entry " + entry + " scored " + scores.get(entry));
        assertEquals(entry, matches.get(0).entryNumber(), why + " best match " + matches.get(0));
    }
}
