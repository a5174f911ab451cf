package dev.lanyard.screening;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One publication of the SDN list with its name index, immutable: screeners on many threads
 * share one instance, and a new publication is a new instance swapped in whole.
 */
public final class SanctionsList {

    private final List<SdnEntry> entries;
    private final Map<Integer, SdnEntry> byNumber;
    private final String version;
    private final int aliasCount;
    private final NameIndex index;

    /** @param version how the caller names this publication, see {@link SdnCsv} for the loaded files' */
    public SanctionsList(List<SdnEntry> entries, String version) {
        this.entries = List.copyOf(entries);
        this.version = version;
        Map<Integer, SdnEntry> numbers = new HashMap<>();
        int aliases = 0;
        for (SdnEntry entry : this.entries) {
            if (numbers.put(entry.number(), entry) != null) {
                throw new IllegalArgumentException("Entry " + entry.number() + " is listed twice");
            }
            aliases += entry.aliases().size();
        }
        this.byNumber = Map.copyOf(numbers);
        this.aliasCount = aliases;
        this.index = new NameIndex(this.entries);
    }

    /** {@code sha256=<hex>;entries=<n>;aliases=<n>} for lists read by {@link SdnCsv}. */
    public String version() {
        return version;
    }

    public List<SdnEntry> entries() {
        return entries;
    }

    public Optional<SdnEntry> entry(int number) {
        return Optional.ofNullable(byNumber.get(number));
    }

    public int size() {
        return entries.size();
    }

    public int aliasCount() {
        return aliasCount;
    }

    NameIndex index() {
        return index;
    }

    @Override
    public String toString() {
        return "SanctionsList[" + version + "]";
    }
}
