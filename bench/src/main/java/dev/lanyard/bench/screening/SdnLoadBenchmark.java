package dev.lanyard.bench.screening;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import dev.lanyard.screening.SanctionsList;

/**
 * Loading the SDN snapshot (sdn.csv + alt.csv: parse, hash, normalise and index every name), one
 * load per iteration. The first iterations are a cold start, what a node pays once at boot; the
 * measured ones, a reload on a warm JVM, what a scheduled refresh pays.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class SdnLoadBenchmark {

    @Benchmark
    public SanctionsList load() throws IOException {
        return SdnSnapshotFiles.load();
    }
}
