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
 * A screening looks up the keys of its own parts and scores only the names found for at least two
 * of its parts (one, when either name has only one part): a few dozen names instead of the list's
 * twenty thousand, and never a name that shares no more than one common first name or particle.
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
        building.forEach((key, ids) -> frozen.put(key, ids.stream().mapToInt(Integer::intValue).distinct().toArray()));
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
                building.computeIfAbsent(keys[i], k -> new ArrayList<>()).add(id);
                String tail = tailKey(parts[i]);
                if (tail != null) {
                    building.computeIfAbsent(tail, k -> new ArrayList<>()).add(id);
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
     * The ids of the names found for at least two of the screened parts (for one if the screened
     * name or the listed name has one part only).
     */
    int[] candidates(String[] screenedParts) {
        // Bit i of a name's mask: screened part i found it. Past the 31st, parts count as the 31st.
        int[] found = new int[names.size()];
        int[] touched = new int[256];
        int count = 0;
        for (int i = 0; i < screenedParts.length; i++) {
            int bit = 1 << Math.min(i, 30);
            String tail = tailKey(screenedParts[i]);
            for (String key : tail == null ? new String[] {key(screenedParts[i])} : new String[] {key(screenedParts[i]), tail}) {
                int[] ids = postings.get(key);
                if (ids == null) {
                    continue;
                }
                for (int id : ids) {
                    if (found[id] == 0) {
                        if (count == touched.length) {
                            touched = Arrays.copyOf(touched, count * 2);
                        }
                        touched[count++] = id;
                    }
                    found[id] |= bit;
                }
            }
        }
        int kept = 0;
        for (int t = 0; t < count; t++) {
            int id = touched[t];
            if (Integer.bitCount(found[id]) >= Math.min(2, Math.min(screenedParts.length, names.get(id).parts().length))) {
                touched[kept++] = id;
            }
        }
        return Arrays.copyOf(touched, kept);
    }

    Name name(int id) {
        return names.get(id);
    }

    int size() {
        return names.size();
    }
}
