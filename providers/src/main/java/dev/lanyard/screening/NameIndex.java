package dev.lanyard.screening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.codec.language.Soundex;

/**
 * Every name of a list (each SDN_Name and each alias), normalised once at load, and an inverted
 * index from sound keys of name parts to the names that have such a part.
 * <p>
 * Each part is filed under two keys: its Soundex code ({@code NORIEGA} N620) and the Soundex code of
 * the part without its first letter ({@code ORIEGA} O620). A spelling variant or typo keeps at
 * least one of them unless it changes both the first letter and a consonant class further on.
 * Parts without letters (numbers in vessel names) are filed under their own text.
 * <p>
 * A screening looks up the keys of its own parts and scores only the names found for enough of
 * them ({@link #candidates}): a few dozen names instead of the list's twenty thousand, and never
 * one that shares only a common first name or a particle.
 */
final class NameIndex {

    /**
     * One listed name, or one of its {@link NameParts#withJoinedParts() joined variants}, in the form
     * people write it ({@code MANUEL ANTONIO NORIEGA}); {@code keys} are the Soundex codes of its parts.
     */
    record Name(int entry, EntryType type, String listedName, String kind, NameParts natural, String[] keys) {

        String[] parts() {
            return natural.parts();
        }
    }

    /** Two ordinary parts: a common first name (weight 5) or a particle alone finds nothing. */
    static final double MIN_FOUND_WEIGHT = 7;
    /** A posting is a name id and the index of its part that has the key, in one int. */
    private static final int PART_BITS = 5;
    private static final int MAX_PART = (1 << PART_BITS) - 1;

    private final Soundex soundex = new Soundex();
    private final List<Name> names;
    private final Map<String, int[]> postings;

    NameIndex(List<SdnEntry> entries) {
        List<Name> all = new ArrayList<>();
        Map<String, List<Integer>> building = new HashMap<>();
        Map<String, String> canonical = new HashMap<>();
        for (int e = 0; e < entries.size(); e++) {
            SdnEntry entry = entries.get(e);
            add(all, e, entry.type(), entry.name(), ScreeningMatch.PRIMARY, building, canonical);
            for (SdnAlias alias : entry.aliases()) {
                add(all, e, entry.type(), alias.name(), alias.kind(), building, canonical);
            }
        }
        this.names = List.copyOf(all);
        Map<String, int[]> frozen = new HashMap<>(building.size() * 2);
        building.forEach((key, postings) -> frozen.put(key, postings.stream().mapToInt(Integer::intValue).distinct().toArray()));
        this.postings = Map.copyOf(frozen);
    }

    private void add(List<Name> names, int entry, EntryType type, String raw, String kind,
                     Map<String, List<Integer>> building, Map<String, String> canonical) {
        String natural = type == EntryType.INDIVIDUAL ? NameNormalizer.personName(raw) : NameNormalizer.normalize(raw);
        if (natural.isEmpty()) {
            return;
        }
        for (NameParts variant : NameParts.of(natural).withJoinedParts()) {
            String[] parts = variant.parts();
            String[] keys = new String[parts.length];
            int id = names.size();
            for (int i = 0; i < parts.length; i++) {
                // Parts repeat across the list (MOHAMMED, AL): one String per distinct part, which the
                // matcher's per-screening cache of part scores relies on.
                parts[i] = canonical.computeIfAbsent(parts[i], p -> p);
                keys[i] = key(parts[i]);
                int posting = id << PART_BITS | Math.min(i, MAX_PART);
                building.computeIfAbsent(keys[i], k -> new ArrayList<>()).add(posting);
                String tail = tailKey(parts[i]);
                if (tail != null && !tail.equals(keys[i])) {
                    building.computeIfAbsent(tail, k -> new ArrayList<>()).add(posting);
                }
            }
            names.add(new Name(entry, type, raw, kind, variant, keys));
        }
    }

    /** A normalised part's Soundex code, or the part itself (marked) if it has no letters. */
    String key(String part) {
        String code = soundex.soundex(part);
        return code == null || code.isEmpty() ? "#" + part : code;
    }

    /** The Soundex code of the part without its first letter (marked), or {@code null} if nothing is left. */
    String tailKey(String part) {
        if (part.length() < 2) {
            return null;
        }
        String code = soundex.soundex(part.substring(1));
        return code == null || code.isEmpty() ? null : "~" + code;
    }

    /**
     * The ids of the names whose parts sound like enough of the screened name: {@code share} of its
     * weight, and at least {@value #MIN_FOUND_WEIGHT} (two ordinary parts) unless the screened or
     * the listed name weighs less. Short parts ({@link NameParts#isShort}) are not looked up when
     * the name has two longer ones: {@code AL} and {@code BIN} are in thousands of names and tell
     * none apart.
     */
    int[] candidates(NameParts screened, double share) {
        String[] parts = screened.parts();
        String[] keys = new String[parts.length];
        double[] weights = new double[parts.length];
        boolean[] lookedUp = new boolean[parts.length];
        int longParts = 0;
        for (String part : parts) {
            longParts += NameParts.isShort(part) ? 0 : 1;
        }
        double lookedUpWeight = 0;
        for (int i = 0; i < parts.length; i++) {
            keys[i] = key(parts[i]);
            // A part that sounds like an earlier one (MOHAMED MOHAMMED) would find the same names again.
            boolean repeated = Arrays.asList(keys).subList(0, i).contains(keys[i]);
            lookedUp[i] = !repeated && (longParts < 2 || !NameParts.isShort(parts[i]));
            weights[i] = lookedUp[i] ? screened.weights()[i] : 0;
            lookedUpWeight += weights[i];
        }
        // The postings of every key looked up, first, to size the table of found names below.
        int[][] lists = new int[parts.length * 2][];
        int[] listPart = new int[parts.length * 2];
        int listCount = 0;
        int total = 0;
        for (int i = 0; i < parts.length; i++) {
            if (!lookedUp[i]) {
                continue;
            }
            String tail = tailKey(parts[i]);
            for (String key : tail == null ? new String[] {keys[i]} : new String[] {keys[i], tail}) {
                int[] found = postings.get(key);
                if (found != null) {
                    lists[listCount] = found;
                    listPart[listCount++] = i;
                    total += found.length;
                }
            }
        }
        // Per name found, which screened parts found it and which of its parts they found (bit masks;
        // parts past the 31st share the last bit, and no name has that many), in an open-addressing
        // table sized to the postings: two arrays as long as the whole list, zeroed per screening, cost
        // more than the lookups themselves.
        int capacity = Integer.highestOneBit(Math.max(16, total * 2 - 1)) << 1;
        int slotMask = capacity - 1;
        int[] slotId = new int[capacity];
        Arrays.fill(slotId, -1);
        int[] screenedFound = new int[capacity];
        int[] listedFound = new int[capacity];
        int[] touched = new int[total];
        int count = 0;
        for (int l = 0; l < listCount; l++) {
            int screenedBit = 1 << Math.min(listPart[l], MAX_PART);
            for (int posting : lists[l]) {
                int id = posting >>> PART_BITS;
                int slot = (id * 0x9E3779B9) >>> 7 & slotMask;
                while (slotId[slot] != -1 && slotId[slot] != id) {
                    slot = (slot + 1) & slotMask;
                }
                if (slotId[slot] == -1) {
                    slotId[slot] = id;
                    touched[count++] = slot;
                }
                screenedFound[slot] |= screenedBit;
                listedFound[slot] |= 1 << (posting & MAX_PART);
            }
        }
        double enough = lookedUpWeight * share;
        // The weight of each set of screened parts, once: thousands of names are found by the same few sets.
        double[] weightOfSet = parts.length <= 12 ? new double[1 << parts.length] : null;
        if (weightOfSet != null) {
            for (int mask = 1; mask < weightOfSet.length; mask++) {
                weightOfSet[mask] = weightOf(mask, weights);
            }
        }
        int kept = 0;
        for (int t = 0; t < count; t++) {
            int slot = touched[t];
            double screenedWeight = weightOfSet != null ? weightOfSet[screenedFound[slot]] : weightOf(screenedFound[slot], weights);
            if (screenedWeight < enough) {
                continue;
            }
            int id = slotId[slot];
            NameParts listed = names.get(id).natural();
            // One listed part found by two screened ones (HASSAN by BASSAM and HASSAN) counts once.
            double foundWeight = Math.min(screenedWeight, weightOf(listedFound[slot], listed.weights()));
            double needed = Math.max(enough, Math.min(MIN_FOUND_WEIGHT, Math.min(lookedUpWeight, listed.weight())));
            if (foundWeight >= needed) {
                touched[kept++] = id;
            }
        }
        return Arrays.copyOf(touched, kept);
    }

    private static double weightOf(int mask, double[] weights) {
        double weight = 0;
        for (int bits = mask; bits != 0; bits &= bits - 1) {
            int i = Integer.numberOfTrailingZeros(bits);
            weight += i < weights.length ? weights[i] : 0;
        }
        return weight;
    }

    Name name(int id) {
        return names.get(id);
    }

    int size() {
        return names.size();
    }
}
