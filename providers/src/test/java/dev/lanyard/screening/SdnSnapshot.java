package dev.lanyard.screening;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The OFAC SDN snapshot in shared/data/ofac, two levels above the module (read-only), loaded once per test run. */
final class SdnSnapshot {

    private static SanctionsList list;

    private SdnSnapshot() {
    }

    static Path directory() {
        Path dir = Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("../../shared/data/ofac").normalize();
        if (!Files.isRegularFile(dir.resolve(SdnCsv.SDN_FILE)) || !Files.isRegularFile(dir.resolve(SdnCsv.ALT_FILE))) {
            fail("The OFAC SDN snapshot (sdn.csv, alt.csv) is expected in " + dir
                    + " (shared/data/ofac beside the checkout); the screening tests need it");
        }
        return dir;
    }

    static synchronized SanctionsList list() {
        if (list == null) {
            try {
                Path directory = directory();
                try (Reader sdn = Files.newBufferedReader(directory.resolve(SdnCsv.SDN_FILE), StandardCharsets.UTF_8);
                     Reader alt = Files.newBufferedReader(directory.resolve(SdnCsv.ALT_FILE), StandardCharsets.UTF_8)) {
                    list = SdnCsv.load(sdn, alt);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return list;
    }
}
