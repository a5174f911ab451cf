package dev.lanyard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** The libraries the pack needs beside it in providers/ (commons-text, commons-csv), copied there by the build. */
final class PackLibraries {

    private PackLibraries() {
    }

    static void copy(Path providers) throws IOException {
        Path libraries = Path.of(System.getProperty("lanyard.bench.libs", "../providers/target/lanyard-libs"));
        try (Stream<Path> jars = Files.list(libraries)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                Files.copy(jar, providers.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
