package dev.lanyard.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;


class SdnCsvTest {

    private static final String SDN = "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
            + "173,\"ANGLO-CARIBBEAN CO., LTD.\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
            + "1572,\"NORIEGA, Manuel Antonio\",\"individual\",\"SDGT] [IFSR\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"a.k.a. 'X'.\"\r\n"
            + "\u001a";
    private static final String ALT = "173,57,\"aka\",\"AVIA IMPORT\",-0- \r\n"
            + "1572,900,\"fka\",\"NORIEGA MORENO, Manuel\",-0- \r\n"
            + "\u001a";

    @Test
    void readsEntriesAliasesProgramsAndEmptyFields() throws IOException {
        SanctionsList list = SdnCsv.load(new StringReader(SDN), new StringReader(ALT));
        assertEquals(3, list.size());
        assertEquals(2, list.aliasCount());
        SdnEntry company = list.entry(173).orElseThrow();
        assertEquals("ANGLO-CARIBBEAN CO., LTD.", company.name(), "A comma inside quotes is part of the name");
        assertEquals(EntryType.ENTITY, company.type(), "-0- in SDN_Type is an entity");
        assertEquals(List.of(new SdnAlias(57, "aka", "AVIA IMPORT")), company.aliases());
        SdnEntry noriega = list.entry(1572).orElseThrow();
        assertEquals(EntryType.INDIVIDUAL, noriega.type());
        assertEquals(List.of("SDGT", "IFSR"), noriega.programs());
        assertEquals(List.of(new SdnAlias(900, "fka", "NORIEGA MORENO, Manuel")), noriega.aliases());
        assertEquals(List.of(), list.entry(36).orElseThrow().aliases());
    }

    @Test
    void versionIsTheSha256OfBothFilesAndTheirCounts() throws Exception {
        SanctionsList list = SdnCsv.load(new StringReader(SDN), new StringReader(ALT));
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(SDN.getBytes(StandardCharsets.UTF_8));
        sha256.update(ALT.getBytes(StandardCharsets.UTF_8));
        assertEquals("sha256=" + HexFormat.of().formatHex(sha256.digest()) + ";entries=3;aliases=2", list.version());
        String changed = SDN.replace("Manuel Antonio", "Manuel Antonia");
        assertNotEquals(list.version(), SdnCsv.load(new StringReader(changed), new StringReader(ALT)).version());
    }

    @Test
    void loadsTheSnapshot() throws Exception {
        Path dir = SdnSnapshot.directory();
        SanctionsList list = SdnSnapshot.list();
        assertEquals(8976, list.size());
        assertEquals(11910, list.aliasCount());
        Map<EntryType, Long> types = list.entries().stream().collect(Collectors.groupingBy(SdnEntry::type, Collectors.counting()));
        assertEquals(Map.of(EntryType.INDIVIDUAL, 4620L, EntryType.ENTITY, 3673L, EntryType.VESSEL, 406L, EntryType.AIRCRAFT, 277L), types);

        SdnEntry guzman = list.entry(6861).orElseThrow();
        assertEquals("GUZMAN LOERA, Joaquin", guzman.name());
        assertEquals(List.of("SDNTK"), guzman.programs());
        assertTrue(guzman.aliases().contains(new SdnAlias(4617, "aka", "AREGON, Max")), guzman.aliases().toString());
        assertEquals(List.of("VENEZUELA", "IRAN-CON-ARMS-EO"), list.entry(22790).orElseThrow().programs());

        // For OFAC's ASCII files the version's hash is that of the two files' bytes.
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(Files.readAllBytes(dir.resolve("sdn.csv")));
        sha256.update(Files.readAllBytes(dir.resolve("alt.csv")));
        assertEquals("sha256=" + HexFormat.of().formatHex(sha256.digest()) + ";entries=8976;aliases=11910", list.version());
        assertEquals(list.version(), new ListSource(dir.toString(), Duration.ofSeconds(5)).fetch(null).list().version(),
                "a directory source (no session needed) loads the same version");
    }

    @Test
    void aSourceIsStoredAndShownWithoutItsCredentials() {
        assertEquals("https://***@lists.example/ofac", ListSource.display("https://reader:s3cret@lists.example/ofac"));
        assertEquals("https://lists.example/ofac", ListSource.display("https://lists.example/ofac"));
        assertEquals("/srv/ofac", ListSource.display("/srv/ofac"));
    }

    @Test
    void aBrokenPublicationFailsTheLoad() {
        IOException columns = assertThrows(IOException.class,
                () -> SdnCsv.load(new StringReader("36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\"\r\n"), new StringReader("")));
        assertEquals("sdn.csv line 1: expected 12 columns, not 4", columns.getMessage());

        IOException orphan = assertThrows(IOException.class,
                () -> SdnCsv.load(new StringReader(SDN), new StringReader("99999,1,\"aka\",\"SOMEONE\",-0- \r\n")));
        assertTrue(orphan.getMessage().contains("99999"), orphan.getMessage());

        IOException empty = assertThrows(IOException.class, () -> SdnCsv.load(new StringReader("\u001a"), new StringReader("")));
        assertEquals("sdn.csv has no entries", empty.getMessage());

        assertThrows(IOException.class, () -> SdnCsv.load(new StringReader(SDN.replace("\u001a", "") + SDN), new StringReader(ALT)),
                "an entry number twice");
        assertThrows(IOException.class, () -> SdnCsv.load(new StringReader(SDN.replace("1572,", "x1572,")), new StringReader(ALT)),
                "an entry number that is not a number");
        assertThrows(IOException.class, () -> SdnCsv.load(new StringReader("36,\"AERO\"X,-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"),
                new StringReader("")), "not valid CSV");
    }
}
