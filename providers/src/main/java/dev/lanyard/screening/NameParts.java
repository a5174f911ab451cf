package dev.lanyard.screening;

import java.util.ArrayList;
import java.util.List;

/**
 * A normalised name split into parts, each with the weight it has in the name-part score: its
 * length up to {@value #MAX_PART_WEIGHT} letters, so particles and initials ({@code AL}, {@code J})
 * count less and long names no more than short ones.
 */
record NameParts(String text, String[] parts, double[] weights, double weight) {

    static final int MAX_PART_WEIGHT = 5;
    static final int MAX_PARTICLE = 3;

    static NameParts of(String normalized) {
        String[] parts = normalized.split(" ");
        double[] weights = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            weights[i] = Math.min(parts[i].length(), MAX_PART_WEIGHT);
        }
        return new NameParts(normalized, parts, weights, sum(weights));
    }

    /**
     * This name, then the name with a particle joined to its neighbour: {@code USAMA BIN LADIN} also
     * as {@code USAMABIN LADIN} and {@code USAMA BINLADIN}, so that a name written joined, or split
     * where the list joins it, still pairs part for part. A particle is a part of up to
     * {@value #MAX_PARTICLE} letters ({@code AL}, {@code BIN}, {@code ABU}, {@code DE}, {@code VAN});
     * longer parts are not joined, as {@code HERNANDEZGRISALES} would pair with a lone
     * {@code HERNANDEZ} almost as well as the name itself and hide the missing part. A joined part
     * weighs what its two parts did. Names of two parts stay as they are: one part would leave
     * nothing to pair.
     */
    List<NameParts> withJoinedParts() {
        List<NameParts> variants = new ArrayList<>(parts.length);
        variants.add(this);
        for (int i = 0; parts.length >= 3 && i + 1 < parts.length; i++) {
            if (parts[i].length() > MAX_PARTICLE && parts[i + 1].length() > MAX_PARTICLE) {
                continue;
            }
            String[] joined = new String[parts.length - 1];
            double[] joinedWeights = new double[parts.length - 1];
            for (int j = 0, k = 0; j < parts.length; j++, k++) {
                if (j == i) {
                    joined[k] = parts[j] + parts[j + 1];
                    joinedWeights[k] = weights[j] + weights[j + 1];
                    j++;
                } else {
                    joined[k] = parts[j];
                    joinedWeights[k] = weights[j];
                }
            }
            variants.add(new NameParts(String.join(" ", joined), joined, joinedWeights, weight));
        }
        return variants;
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double value : values) {
            total += value;
        }
        return total;
    }
}
