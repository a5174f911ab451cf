package dev.lanyard.screening;

import java.util.List;

/**
 * One row of sdn.csv with its aliases from alt.csv.
 *
 * @param number   OFAC's ent_num, stable across list versions
 * @param name     SDN_Name as listed, individuals {@code LAST, First}
 * @param programs the sanctions programs, e.g. {@code [SDGT, IFSR]} from {@code "SDGT] [IFSR"}
 */
public record SdnEntry(int number, String name, EntryType type, List<String> programs, List<SdnAlias> aliases) {

    public SdnEntry {
        programs = List.copyOf(programs);
        aliases = List.copyOf(aliases);
    }
}
