package dev.lanyard.screening;

/**
 * One row of alt.csv: another name of an SDN entry.
 *
 * @param number OFAC's alt_num
 * @param kind   {@code aka}, {@code fka} or {@code nka}, as OFAC writes it
 * @param name   the name as listed, individuals {@code LAST, First}
 */
public record SdnAlias(int number, String kind, String name) {
}
