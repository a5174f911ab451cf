package dev.lanyard.screening;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * How alike a screened name and a listed name are, from 0 to 1, in the two ways OFAC's Sanctions
 * List Search describes.
 * <ol>
 * <li><b>Name parts.</b> Each screened part is paired with the listed part it resembles most, each
 * listed part used once, best pair first. A pair scores its Jaro-Winkler, pulled 30 % of the way
 * to 1 when both parts have the same Soundex code ({@code MOHAMMED} and {@code MUHAMAD}); below
 * 0.9, where two parts stop being one name with a typo and become two names ({@code MARY} and
 * {@code MARK}, 0.88), the score falls three times as fast. Pairs are averaged by
 * {@link NameParts part weight}. Parts left unpaired on either side (the middle name nobody
 * typed, or one the list does not have) take off a quarter of their share of their name. Part order does not matter: {@code First Last}
 * and {@code LAST, First} score alike.</li>
 * <li><b>Whole name.</b> Jaro-Winkler of the two whole names, which sees what pairing parts
 * misses (a name split or joined differently without a particle). It lifts the parts score by
 * 0.05 at most: on whole names Jaro-Winkler lets long shared parts carry a different short one
 * ({@code LISA LOPEZ} and {@code LUIS LOPEZ}, 0.95).</li>
 * </ol>
 */
final class NameMatcher {

    static final double SOUNDEX_PULL = 0.3;
    static final double KNEE = 0.9;
    static final double BELOW_KNEE_SLOPE = 3;
    static final double UNPAIRED_PENALTY = 0.25;
    static final double WHOLE_NAME_LIFT = 0.05;

    private final JaroWinklerSimilarity jaroWinkler = new JaroWinklerSimilarity();

    /** The score of one pair of name parts, Soundex and knee applied. */
    double part(String a, String aKey, String b, String bKey) {
        boolean sameSound = aKey.equals(bKey);
        // Most pairs are two unrelated names: skip Jaro-Winkler when even its upper bound would score 0.
        if (knee(soundex(jaroWinklerBound(a, b), sameSound)) == 0) {
            return 0;
        }
        return knee(soundex(jaroWinkler.apply(a, b), sameSound));
    }

    private static double soundex(double similarity, boolean sameSound) {
        return sameSound ? similarity + SOUNDEX_PULL * (1 - similarity) : similarity;
    }

    private static double knee(double similarity) {
        return similarity >= KNEE ? similarity : Math.max(0, KNEE - BELOW_KNEE_SLOPE * (KNEE - similarity));
    }

    /**
     * No less than the Jaro-Winkler similarity of two normalised parts: Jaro counted as if every
     * letter of one that occurs in the other matched, in order, plus the prefix bonus. No allocation:
     * this runs for every pair of parts, Jaro-Winkler itself only for the few that may score.
     */
    static double jaroWinklerBound(String a, String b) {
        long lettersOfA = letters(a);
        long lettersOfB = letters(b);
        int common = Math.min(occurring(b, lettersOfA), occurring(a, lettersOfB));
        if (common == 0) {
            return 0;
        }
        double jaro = ((double) common / a.length() + (double) common / b.length() + 1) / 3;
        int prefix = 0;
        while (prefix < 4 && prefix < a.length() && prefix < b.length() && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        return jaro < 0.7 ? jaro : jaro + 0.1 * prefix * (1 - jaro);
    }

    /** The set of characters (0-9, A-Z, as normalised) as bits. */
    private static long letters(String part) {
        long set = 0;
        for (int i = 0; i < part.length(); i++) {
            set |= 1L << (part.charAt(i) & 63);
        }
        return set;
    }

    private static int occurring(String part, long letters) {
        int count = 0;
        for (int i = 0; i < part.length(); i++) {
            if ((letters & 1L << (part.charAt(i) & 63)) != 0) {
                count++;
            }
        }
        return count;
    }

    /** One screened name, normalised, to score listed names against. Not thread-safe: one per screening. */
    Screening screening(NameParts name, NameIndex index) {
        return new Screening(name, index);
    }

    final class Screening {

        final String text;
        final String[] parts;
        private final String[] keys;
        private final double[] weights;
        private final double weight;
        /** Pair scores already computed, per screened part: listed parts repeat across names (canonical strings). */
        private final List<Map<String, Double>> pairScores;

        private Screening(NameParts name, NameIndex index) {
            this.text = name.text();
            this.parts = name.parts();
            this.weights = name.weights();
            this.weight = name.weight();
            this.keys = new String[parts.length];
            this.pairScores = new ArrayList<>(parts.length);
            for (int i = 0; i < parts.length; i++) {
                keys[i] = index.key(parts[i]);
                pairScores.add(new IdentityHashMap<>(512));
            }
        }

        /** The score of {@code name}; if that is below {@code floor}, possibly a lower value, found with less work. */
        double score(NameIndex.Name name, double floor) {
            double byParts = parts(name);
            if (byParts + WHOLE_NAME_LIFT < floor) {
                return byParts;
            }
            double whole = jaroWinkler.apply(text, name.natural().text());
            return Math.max(byParts, Math.min(whole, byParts + WHOLE_NAME_LIFT));
        }

        double parts(NameIndex.Name name) {
            int n = parts.length;
            String[] listed = name.parts();
            int m = listed.length;
            double[][] pair = new double[n][m];
            for (int i = 0; i < n; i++) {
                Map<String, Double> known = pairScores.get(i);
                for (int j = 0; j < m; j++) {
                    Double score = known.get(listed[j]);
                    if (score == null) {
                        score = part(parts[i], keys[i], listed[j], name.keys()[j]);
                        known.put(listed[j], score);
                    }
                    pair[i][j] = score;
                }
            }
            boolean[] screenedPaired = new boolean[n];
            boolean[] listedPaired = new boolean[m];
            double matched = 0;
            double pairedScreenedWeight = 0;
            double pairedListedWeight = 0;
            for (int k = Math.min(n, m); k > 0; k--) {
                int bestI = -1;
                int bestJ = -1;
                double best = -1;
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < m && !screenedPaired[i]; j++) {
                        if (!listedPaired[j] && pair[i][j] > best) {
                            best = pair[i][j];
                            bestI = i;
                            bestJ = j;
                        }
                    }
                }
                screenedPaired[bestI] = true;
                listedPaired[bestJ] = true;
                matched += best * weights[bestI];
                pairedScreenedWeight += weights[bestI];
                pairedListedWeight += name.natural().weights()[bestJ];
            }
            double listedWeight = name.natural().weight();
            return matched / pairedScreenedWeight
                    * (1 - UNPAIRED_PENALTY * (weight - pairedScreenedWeight) / weight)
                    * (1 - UNPAIRED_PENALTY * (listedWeight - pairedListedWeight) / listedWeight);
        }
    }
}
