package dev.lanyard.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import dev.lanyard.bench.GatlingRun.Stats;

/**
 * Durations of whole scenario iterations (e.g. the three requests of a code-flow sign-in, or an
 * OTP round trip including the mail), recorded by the simulations themselves: Gatling 3.14 keeps
 * its statistics inside its HTML report, which is no interface to read. Benchmark tooling only.
 */
public final class Timings {

    private record Series(ConcurrentLinkedQueue<Long> nanos, AtomicLong failures, AtomicLong firstStart, AtomicLong lastEnd) {
    }

    private static final Map<String, Series> SERIES = new ConcurrentHashMap<>();

    private Timings() {
    }

    public static void clear() {
        SERIES.clear();
    }

    public static void record(String name, long startNanos, long endNanos, boolean failed) {
        Series series = SERIES.computeIfAbsent(name, k -> new Series(new ConcurrentLinkedQueue<>(), new AtomicLong(),
                new AtomicLong(Long.MAX_VALUE), new AtomicLong(Long.MIN_VALUE)));
        if (failed) {
            series.failures().incrementAndGet();
        } else {
            series.nanos().add(endNanos - startNanos);
        }
        series.firstStart().accumulateAndGet(startNanos, Math::min);
        series.lastEnd().accumulateAndGet(endNanos, Math::max);
    }

    /** Count, failures, completions per second over the series' wall time, p50 and p99 in ms. */
    static Stats stats(String name) {
        Series series = SERIES.get(name);
        if (series == null || series.nanos().isEmpty()) {
            throw new IllegalStateException("No successful '" + name + "' was recorded");
        }
        List<Long> sorted = new ArrayList<>(series.nanos());
        sorted.sort(null);
        double seconds = (series.lastEnd().get() - series.firstStart().get()) / 1e9;
        return new Stats(name, sorted.size() + series.failures().get(), series.failures().get(), sorted.size() / seconds,
                percentile(sorted, 0.50), percentile(sorted, 0.99));
    }

    private static double percentile(List<Long> sorted, double p) {
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
    }
}
