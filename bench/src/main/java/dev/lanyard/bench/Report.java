package dev.lanyard.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.lanyard.bench.GatlingRun.Stats;

/** The benchmark's table: each scenario on stock and on Lanyard, and the ratio Lanyard / stock. */
final class Report {

    private final Map<String, Map<String, Stats>> byScenario = new LinkedHashMap<>();
    private final Map<String, long[]> memory = new LinkedHashMap<>();
    private final Map<String, String> profiles = new LinkedHashMap<>();
    private final java.util.List<String> notes = new java.util.ArrayList<>();

    void add(String server, Stats stats) {
        byScenario.computeIfAbsent(stats.name(), k -> new LinkedHashMap<>()).put(server, stats);
    }

    void memory(String server, long heapBytes, long rssBytes) {
        memory.put(server, new long[]{heapBytes, rssBytes});
    }

    /** A paragraph shown after the Lanyard-only table. */
    void note(String markdown) {
        notes.add(markdown);
    }

    /** A profile's tables ({@link Profiles#summarize}), shown at the end under {@code title}. */
    void profile(String title, String markdown) {
        profiles.put(title, markdown);
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Lanyard benchmark: Keycloak with Lanyard against stock Keycloak\n\n");
        md.append(String.format(Locale.ROOT, "Keycloak %s, one after the other on this machine (%d cores), %s, local caches;"
                        + " %d virtual users; %d sign-ins and %d client-credentials grants per virtual user; ratios are Lanyard / stock.%n%n",
                System.getProperty("lanyard.bench.keycloak-version", "26.7.0"), Runtime.getRuntime().availableProcessors(),
                BenchDatabase.selected().label(), BenchSettings.concurrency(), BenchSettings.signInsPerUser(), BenchSettings.grantsPerUser()));
        if (Boolean.getBoolean("lanyard.bench.lanyard-first")) {
            md.append("The Lanyard server ran first, stock second (`-Dlanyard.bench.lanyard-first=true`).\n\n");
        }
        md.append("| scenario | stock req/s | Lanyard req/s | throughput ratio | stock p50 / p99 ms | Lanyard p50 / p99 ms | p99 ratio | failures |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<String, Map<String, Stats>> scenario : byScenario.entrySet()) {
            Stats stock = scenario.getValue().get("stock");
            Stats lanyard = scenario.getValue().get("lanyard");
            if (stock != null && lanyard != null) {
                md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.2f | %.0f / %.0f | %.0f / %.0f | %.2f | %d / %d |%n",
                        scenario.getKey(), stock.perSecond(), lanyard.perSecond(), lanyard.perSecond() / stock.perSecond(),
                        stock.p50(), stock.p99(), lanyard.p50(), lanyard.p99(), lanyard.p99() / stock.p99(),
                        stock.failures(), lanyard.failures()));
            }
        }
        Stats stockPassword = byScenario.getOrDefault("password sign-in (direct grant)", Map.of()).get("stock");
        md.append("\nLanyard-only scenarios, compared with a stock password sign-in (direct grant):\n\n");
        md.append("| scenario (Lanyard) | req/s | p50 / p99 ms | throughput ratio to stock password sign-in | p99 ratio | failures |\n");
        md.append("|---|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<String, Map<String, Stats>> scenario : byScenario.entrySet()) {
            Stats lanyard = scenario.getValue().get("lanyard");
            if (lanyard != null && !scenario.getValue().containsKey("stock") && stockPassword != null) {
                md.append(String.format(Locale.ROOT, "| %s | %.1f | %.0f / %.0f | %.2f | %.2f | %d |%n",
                        scenario.getKey(), lanyard.perSecond(), lanyard.p50(), lanyard.p99(),
                        lanyard.perSecond() / stockPassword.perSecond(), lanyard.p99() / stockPassword.p99(), lanyard.failures()));
            }
        }
        notes.forEach(note -> md.append('\n').append(note).append('\n'));
        md.append("\nMemory after the load (live heap after a full GC; resident set size of the JVM):\n\n");
        md.append("| server | heap MiB | RSS MiB |\n|---|---:|---:|\n");
        memory.forEach((server, values) -> md.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f |%n",
                server, values[0] / 1048576.0, values[1] / 1048576.0)));
        long[] stock = memory.get("stock");
        long[] lanyard = memory.get("lanyard");
        if (stock != null && lanyard != null) {
            md.append(String.format(Locale.ROOT, "| ratio | %.2f | %.2f |%n", (double) lanyard[0] / stock[0], (double) lanyard[1] / stock[1]));
        }
        profiles.forEach((title, tables) -> md.append("\n## Profile: ").append(title).append("\n\n").append(tables));
        return md.toString();
    }
}
