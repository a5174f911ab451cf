package dev.lanyard.bench.screening;

import java.io.IOException;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.lanyard.screening.EntryType;
import dev.lanyard.screening.SanctionsList;
import dev.lanyard.screening.Screener;
import dev.lanyard.screening.ScreeningMatch;
import dev.lanyard.screening.SdnEntry;

/**
 * One screening against the whole SDN snapshot at the default minimum score, as the distribution
 * of single calls (SampleTime: JMH reports p50, p90, p99, ...): an ordinary name (a common first
 * name and a common surname, drawn with a fixed seed) and a listed individual's name as OFAC
 * writes it. Each call takes the next of 1,024 pre-drawn names, so no one name stays hot.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScreeningBenchmark {

    private static final int NAMES = 1024;

    private Screener screener;
    private final String[][] ordinary = new String[NAMES][];
    private final String[] listed = new String[NAMES];

    /** Which name a thread screens next. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Setup(Level.Trial)
    public void load() throws IOException {
        SanctionsList list = SdnSnapshotFiles.load();
        screener = new Screener(list, Screener.DEFAULT_MIN_SCORE);
        Random random = new Random(6);
        for (int i = 0; i < NAMES; i++) {
            ordinary[i] = new String[] {
                    OrdinaryNames.FIRST.get(random.nextInt(OrdinaryNames.FIRST.size())),
                    OrdinaryNames.LAST.get(random.nextInt(OrdinaryNames.LAST.size()))};
        }
        List<SdnEntry> individuals = list.entries().stream().filter(e -> e.type() == EntryType.INDIVIDUAL).toList();
        for (int i = 0; i < NAMES; i++) {
            listed[i] = individuals.get(random.nextInt(individuals.size())).name();
        }
    }

    @Benchmark
    public List<ScreeningMatch> ordinaryName(Cursor cursor) {
        String[] name = ordinary[cursor.next++ & (NAMES - 1)];
        return screener.screen(name[0], name[1]);
    }

    @Benchmark
    public List<ScreeningMatch> listedName(Cursor cursor) {
        return screener.screen(listed[cursor.next++ & (NAMES - 1)]);
    }
}
