package dev.lanyard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;


/** Runs one Gatling simulation in this JVM; the numbers that count are recorded by {@link Timings}. */
final class GatlingRun {

    /** Numbers of one request or group: count, failures, throughput (per second), percentiles in ms. */
    record Stats(String name, long count, long failures, double perSecond, double p50, double p99) {
    }

    private GatlingRun() {
    }

    static Path run(Class<?> simulation, Path resultsFolder, String description) throws IOException {
        Files.createDirectories(resultsFolder);
        Timings.clear();
        int status = io.gatling.app.Gatling$.MODULE$.fromArgs(new String[]{
                "--simulation", simulation.getName(),
                "--results-folder", resultsFolder.toString(),
                "--run-description", description});
        if (status != 0) {
            throw new IllegalStateException("Gatling run of " + simulation.getSimpleName() + " ended with status " + status);
        }
        try (Stream<Path> runs = Files.list(resultsFolder)) {
            return runs.filter(Files::isDirectory).max(Comparator.comparingLong(p -> p.toFile().lastModified()))
                    .orElseThrow(() -> new IllegalStateException("Gatling wrote no report under " + resultsFolder));
        }
    }

}
