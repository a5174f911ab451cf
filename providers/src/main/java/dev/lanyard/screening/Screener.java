package dev.lanyard.screening;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Screens names against one {@link SanctionsList}. Immutable and thread-safe: one screener per
 * list and minimum score, shared by every request.
 * <p>
 * A screening normalises the name ({@link NameNormalizer}), takes from the list's index the listed
 * names that sound like enough of it ({@link NameIndex}), scores each of them ({@link NameMatcher})
 * and answers the best-scoring name of each entry at or above the minimum
 * score, best first. People are screened against individuals only, by default.
 */
public final class Screener {

    /**
     * 90 of 100: every listed person found by exact name, either order, an alias, a typo, without
     * diacritics or without a middle name, while two common first and last names put together
     * rarely reach it (ScreenerTest measures both on the SDN snapshot).
     */
    public static final double DEFAULT_MIN_SCORE = 90;
    /** At most this many entries per screening; a name that resembles more needs a person to look anyway. */
    public static final int MAX_MATCHES = 10;

    private final SanctionsList list;
    private final double minScore;
    private final Set<EntryType> types;
    private final double foundShare;
    private final NameMatcher matcher = new NameMatcher();

    /** Screens people: individuals only. */
    public Screener(SanctionsList list, double minScore) {
        this(list, minScore, EnumSet.of(EntryType.INDIVIDUAL));
    }

    /** @param minScore 0 (exclusive) to 100, see {@link ScreeningMatch#score()} */
    public Screener(SanctionsList list, double minScore, Set<EntryType> types) {
        if (!(minScore > 0 && minScore <= 100)) {
            throw new IllegalArgumentException("The minimum score is between 0 (exclusive) and 100, not " + minScore);
        }
        if (types.isEmpty()) {
            throw new IllegalArgumentException("Screening needs at least one entry type");
        }
        this.list = list;
        this.minScore = minScore;
        this.types = Set.copyOf(types);
        this.foundShare = foundShare(minScore);
    }

    /**
     * How much of a screened name (by part weight) a listed name must sound like to be scored. The
     * parts of the rest pair badly or not at all, and each unpaired share costs
     * {@link NameMatcher#UNPAIRED_PENALTY} of it: at 90, a name must sound like 60 % of the screened
     * one to reach the minimum. Never less than half, so lower minimums keep the index selective.
     */
    static double foundShare(double minScore) {
        double share = 1 - (1 - minScore / 100) / NameMatcher.UNPAIRED_PENALTY;
        return Math.max(0.5, Math.min(1, share));
    }

    /**
     * A person by given name(s) and family name(s), as a profile holds them. Either may be blank,
     * not both.
     *
     * @throws IllegalArgumentException if nothing is left to compare once normalised (blank, or
     *                                  written only in a script other than Latin): such a name cannot
     *                                  be screened against the SDN list, and an empty answer would
     *                                  wrongly read as "not listed"
     */
    public List<ScreeningMatch> screen(String firstName, String lastName) {
        String first = NameNormalizer.normalize(firstName);
        String last = NameNormalizer.normalize(lastName);
        return screenNormalized(first.isEmpty() ? last : last.isEmpty() ? first : first + ' ' + last);
    }

    /**
     * A whole name as one string, {@code First Last} or {@code LAST, First}.
     *
     * @throws IllegalArgumentException as {@link #screen(String, String)}
     */
    public List<ScreeningMatch> screen(String fullName) {
        return screenNormalized(NameNormalizer.personName(fullName));
    }

    private List<ScreeningMatch> screenNormalized(String normalized) {
        if (normalized.isEmpty()) {
            throw new IllegalArgumentException("The name has no Latin letters or digits to screen");
        }
        NameIndex index = list.index();
        double floor = (minScore - 0.05) / 100; // what still rounds to the minimum score
        Map<Integer, Scored> bestPerEntry = new HashMap<>();
        for (NameParts variant : NameParts.of(normalized).withJoinedParts()) {
            NameMatcher.Screening screening = matcher.screening(variant, index);
            for (int id : index.candidates(variant, foundShare)) {
                NameIndex.Name name = index.name(id);
                if (!types.contains(name.type())) {
                    continue;
                }
                double score = Math.round(screening.score(name, floor) * 1000) / 10.0;
                if (score >= minScore) {
                    bestPerEntry.merge(name.entry(), new Scored(score, name), (a, b) -> b.score() > a.score() ? b : a);
                }
            }
        }
        List<Scored> best = new ArrayList<>(bestPerEntry.values());
        best.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparingInt(Scored::entry));
        List<ScreeningMatch> matches = new ArrayList<>(Math.min(best.size(), MAX_MATCHES));
        for (Scored scored : best.subList(0, Math.min(best.size(), MAX_MATCHES))) {
            SdnEntry entry = list.entries().get(scored.entry());
            matches.add(new ScreeningMatch(scored.score(), entry.number(), scored.name().listedName(),
                    scored.name().kind(), entry.name(), entry.type(), entry.programs()));
        }
        return List.copyOf(matches);
    }

    public SanctionsList list() {
        return list;
    }

    public double minScore() {
        return minScore;
    }

    private record Scored(double score, NameIndex.Name name) {
        int entry() {
            return name.entry();
        }
    }
}
