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

    /** A part short enough to be a particle ({@code AL}, {@code BIN}, {@code ABU}, {@code DE}) or a short name ({@code LI}, {@code ALI}). */
    static boolean isShort(String part) {
        return part.length() <= MAX_PARTICLE;
    }

    /**
     * This name, then, if it has particles, the name with each particle joined to the part after it:
     * {@code USAMA BIN LADIN} also as {@code USAMA BINLADIN}, {@code ABD AL RAHMAN} as
     * {@code ABDALRAHMAN}, so that a name written joined, or split where the list joins it, still
     * pairs part for part. Parts of up to {@value #MAX_PARTICLE} letters count as particles here
     * (a short name joined by mistake only adds a variant); longer parts are never joined, as
     * {@code HERNANDEZGRISALES} would pair with a lone {@code HERNANDEZ} almost as well as the name
     * itself and hide the missing part. A joined part weighs what its parts did. A variant of a
     * single part is left out: it would leave nothing to pair.
     */
    List<NameParts> withJoinedParts() {
        List<String> joined = new ArrayList<>(parts.length);
        List<Double> joinedWeights = new ArrayList<>(parts.length);
        StringBuilder pending = new StringBuilder();
        double pendingWeight = 0;
        for (int i = 0; i < parts.length; i++) {
            pending.append(parts[i]);
            pendingWeight += weights[i];
            if (!isShort(parts[i]) || i == parts.length - 1) {
                joined.add(pending.toString());
                joinedWeights.add(pendingWeight);
                pending.setLength(0);
                pendingWeight = 0;
            }
        }
        if (joined.size() == parts.length || joined.size() < 2) {
            return List.of(this);
        }
        double[] w = joinedWeights.stream().mapToDouble(Double::doubleValue).toArray();
        return List.of(this, new NameParts(String.join(" ", joined), joined.toArray(new String[0]), w, weight));
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double value : values) {
            total += value;
        }
        return total;
    }
}
