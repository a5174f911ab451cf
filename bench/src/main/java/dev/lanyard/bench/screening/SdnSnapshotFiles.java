package dev.lanyard.bench.screening;

import java.nio.file.Files;
import java.nio.file.Path;

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
}
