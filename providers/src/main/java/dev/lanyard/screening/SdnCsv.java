package dev.lanyard.screening;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads OFAC's SDN list in its legacy CSV format: sdn.csv (one row per entry) and alt.csv (one row
 * per alias). The files have no header row, write {@code -0-} for an empty field and end with a
 * Ctrl-Z; individuals are written {@code LAST, First}.
 * <p>
 * The list's {@link SanctionsList#version() version} is {@code sha256=<hex>;entries=<n>;aliases=<n>}:
 * the SHA-256 of the text of sdn.csv followed by alt.csv in UTF-8 (for OFAC's ASCII files, of
 * their bytes), because the legacy CSV files carry no publish date. Two loads of the same
 * publication have the same version, whatever the source.
 * <p>
 * A load fails rather than return a partial list: a malformed row, an alias of an entry that is not
 * in sdn.csv (the two files are from different publications) or an empty sdn.csv (a cut download)
 * is an {@link IOException}, so the caller keeps screening against the list it had.
 */
public final class SdnCsv {

    public static final String SDN_FILE = "sdn.csv";
    public static final String ALT_FILE = "alt.csv";

    private static final String EMPTY = "-0-";
    private static final int SDN_COLUMNS = 12;
    private static final int ALT_COLUMNS = 5;
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true)
            .get();

    private SdnCsv() {
    }

    /** The two files' text; the readers are read to the end and not closed. */
    public static SanctionsList load(Reader sdn, Reader alt) throws IOException {
        String sdnText = readAll(sdn);
        String altText = readAll(alt);
        String sha256 = sha256(sdnText, altText);
        Map<Integer, List<SdnAlias>> aliases = new HashMap<>();
        int aliasCount = readAliases(altText, aliases);
        List<SdnEntry> entries = readEntries(sdnText, aliases);
        if (entries.isEmpty()) {
            throw new IOException(SDN_FILE + " has no entries");
        }
        if (!aliases.isEmpty()) {
            throw new IOException(ALT_FILE + " names entries that are not in " + SDN_FILE + ", e.g. "
                    + aliases.keySet().iterator().next() + ": the two files are from different publications");
        }
        String version = "sha256=" + sha256 + ";entries=" + entries.size() + ";aliases=" + aliasCount;
        return new SanctionsList(entries, version);
    }

    private static List<SdnEntry> readEntries(String text, Map<Integer, List<SdnAlias>> aliases) throws IOException {
        List<SdnEntry> entries = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            for (CSVRecord row : parser) {
                if (isEndOfFile(row)) {
                    continue;
                }
                if (row.size() != SDN_COLUMNS) {
                    throw malformed(SDN_FILE, row, SDN_COLUMNS + " columns, not " + row.size());
                }
                int number = number(SDN_FILE, row, 0);
                if (!seen.add(number)) {
                    throw malformed(SDN_FILE, row, "entry " + number + " twice");
                }
                String name = value(row.get(1));
                if (name == null) {
                    throw malformed(SDN_FILE, row, "an SDN_Name");
                }
                List<SdnAlias> own = aliases.remove(number);
                entries.add(new SdnEntry(number, name, EntryType.fromSdnType(value(row.get(2))),
                        programs(value(row.get(3))), own == null ? List.of() : own));
            }
        } catch (IllegalStateException | UncheckedIOException e) {
            throw new IOException(SDN_FILE + " is not valid CSV: " + e.getMessage(), e);
        }
        return entries;
    }

    private static int readAliases(String text, Map<Integer, List<SdnAlias>> aliases) throws IOException {
        int count = 0;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            for (CSVRecord row : parser) {
                if (isEndOfFile(row)) {
                    continue;
                }
                if (row.size() != ALT_COLUMNS) {
                    throw malformed(ALT_FILE, row, ALT_COLUMNS + " columns, not " + row.size());
                }
                String name = value(row.get(3));
                if (name == null) {
                    throw malformed(ALT_FILE, row, "an alt_name");
                }
                String kind = value(row.get(2));
                aliases.computeIfAbsent(number(ALT_FILE, row, 0), k -> new ArrayList<>())
                        .add(new SdnAlias(number(ALT_FILE, row, 1), kind == null ? "aka" : kind.toLowerCase(Locale.ROOT), name));
                count++;
            }
        } catch (IllegalStateException | UncheckedIOException e) {
            throw new IOException(ALT_FILE + " is not valid CSV: " + e.getMessage(), e);
        }
        return count;
    }

    /** "SDGT] [IFSR" is two programs: OFAC joins them inside one pair of (left out) brackets. */
    static List<String> programs(String column) {
        if (column == null) {
            return List.of();
        }
        List<String> programs = new ArrayList<>();
        for (String part : column.split("\\]\\s*\\[")) {
            String program = part.replace("[", "").replace("]", "").trim();
            if (!program.isEmpty()) {
                programs.add(program);
            }
        }
        return programs;
    }

    /** The Ctrl-Z OFAC ends its files with reads as a last row of its own. */
    private static boolean isEndOfFile(CSVRecord row) {
        return row.size() == 1 && row.get(0).replace("\u001a", "").isBlank();
    }

    private static String value(String field) {
        String trimmed = field.trim();
        return trimmed.isEmpty() || trimmed.equals(EMPTY) ? null : trimmed;
    }

    private static int number(String file, CSVRecord row, int column) throws IOException {
        try {
            return Integer.parseInt(row.get(column).trim());
        } catch (NumberFormatException e) {
            throw malformed(file, row, "a number in column " + (column + 1));
        }
    }

    private static IOException malformed(String file, CSVRecord row, String expected) {
        return new IOException(file + " line " + row.getParser().getCurrentLineNumber() + ": expected " + expected);
    }

    private static String readAll(Reader reader) throws IOException {
        StringWriter text = new StringWriter(1 << 16);
        reader.transferTo(text);
        return text.toString();
    }

    private static String sha256(String sdn, String alt) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(sdn.getBytes(StandardCharsets.UTF_8));
            digest.update(alt.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
