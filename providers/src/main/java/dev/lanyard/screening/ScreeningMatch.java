package dev.lanyard.screening;

import java.util.List;

/**
 * One SDN entry that a screened name resembles.
 *
 * @param score       0 to 100 (one decimal), like OFAC's Sanctions List Search; 100 is the same
 *                    name once normalised
 * @param entryNumber OFAC's ent_num
 * @param matchedName the listed name that scored best: the entry's SDN_Name or one of its aliases
 * @param nameKind    {@code primary} for the SDN_Name, else the alias's {@code aka}, {@code fka}, {@code nka}
 * @param entryName   the entry's SDN_Name
 */
public record ScreeningMatch(double score, int entryNumber, String matchedName, String nameKind,
                             String entryName, EntryType entryType, List<String> programs) {

    public static final String PRIMARY = "primary";

    public ScreeningMatch {
        programs = List.copyOf(programs);
    }
}
