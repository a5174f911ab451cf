package dev.lanyard.bench.screening;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.lanyard.screening.SanctionsList;
import dev.lanyard.screening.SdnCsv;

/** Where the OFAC SDN snapshot is: {@code -Dlanyard.ofac.dir}, else shared/data/ofac beside the checkout. */
final class SdnSnapshotFiles {

    private SdnSnapshotFiles() {
    }

    static Path directory() {
        Path dir = Path.of(System.getProperty("lanyard.ofac.dir", "../../shared/data/ofac")).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("No OFAC SDN snapshot in " + dir + "; set -Dlanyard.ofac.dir");
        }
        return dir;
    }

    /** The snapshot parsed as the server parses a publication: {@code sdn.csv} with its aliases ({@code alt.csv}). */
    static SanctionsList load() throws IOException {
        Path dir = directory();
        try (Reader sdn = Files.newBufferedReader(dir.resolve(SdnCsv.SDN_FILE), StandardCharsets.UTF_8);
             Reader alt = Files.newBufferedReader(dir.resolve(SdnCsv.ALT_FILE), StandardCharsets.UTF_8)) {
            return SdnCsv.load(sdn, alt);
        }
    }
}
