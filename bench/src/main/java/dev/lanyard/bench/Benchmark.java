package dev.lanyard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.lanyard.bench.simulations.ClientCredentialsSimulation;
import dev.lanyard.bench.simulations.CodeFlowSimulation;
import dev.lanyard.bench.simulations.DirectGrantSimulation;
import dev.lanyard.bench.simulations.EmailOtpRoundTripSimulation;
import dev.lanyard.bench.simulations.SitePasswordLoginSimulation;

/**
 * What {@code mvn -Pbench} runs: stock Keycloak, then Keycloak with Lanyard (same distribution,
 * same machine, one after the other so they never share the CPU), each warmed up then loaded with
 * the same Gatling scenarios; memory read after the load; a report with the ratios Lanyard / stock.
 * Traffic goes to 127.0.0.1 only.
 */
public final class Benchmark {

    private static final int STOCK_PORT = 8081;
    private static final int LANYARD_PORT = 8082;

    /** Measured scenarios: the Gatling simulation and the request or group whose numbers count. */
    private static final Map<Class<?>, String> SCENARIOS = new LinkedHashMap<>();

    static {
        SCENARIOS.put(CodeFlowSimulation.class, "password sign-in (code flow)");
        SCENARIOS.put(DirectGrantSimulation.class, "password sign-in (direct grant)");
        SCENARIOS.put(ClientCredentialsSimulation.class, "client-credentials grant");
    }

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path stockHome = Path.of(required("lanyard.bench.stock"));
        Path lanyardHome = Path.of(required("lanyard.bench.lanyard"));
        Path jar = Path.of(required("lanyard.bench.jar"));
        Path output = Path.of(required("lanyard.bench.output"));
        Path results = Path.of(required("lanyard.bench.results"));
        Files.createDirectories(output);

        Path providers = lanyardHome.resolve("providers");
        Files.createDirectories(providers);
        Files.copy(jar, providers.resolve("lanyard-providers.jar"), StandardCopyOption.REPLACE_EXISTING);
        PackLibraries.copy(providers);

        MailSink.start();
        try {
            Report report = new Report();
            // -Dlanyard.bench.lanyard-first=true swaps the order, to tell a ratio from an effect of running second.
            if (Boolean.getBoolean("lanyard.bench.lanyard-first")) {
                measure("lanyard", lanyardHome, LANYARD_PORT, true, output, report);
                measure("stock", stockHome, STOCK_PORT, false, output, report);
            } else {
                measure("stock", stockHome, STOCK_PORT, false, output, report);
                measure("lanyard", lanyardHome, LANYARD_PORT, true, output, report);
            }

            String markdown = report.markdown();
            Path file = output.resolve("report.md");
            Files.writeString(file, markdown);
            Path kept = results.resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmm")) + ".md");
            Files.createDirectories(results);
            Files.writeString(kept, markdown);
            System.out.println();
            System.out.println(markdown);
            System.out.println("Report: " + file + " (kept as " + kept + "); Gatling reports under " + output);
        } finally {
            MailSink.stop();
        }
        System.exit(0);
    }

    private static void measure(String label, Path home, int port, boolean lanyard, Path output, Report report) throws Exception {
        System.out.printf("%n=== %s: starting Keycloak on 127.0.0.1:%d%n", label, port);
        // The Lanyard server screens against the OFAC snapshot beside the checkout, as `mvn -Prun` does.
        Path ofac = Path.of(System.getProperty("lanyard.ofac.dir", "../../shared/data/ofac")).toAbsolutePath().normalize();
        List<String> options = lanyard && Files.isRegularFile(ofac.resolve("sdn.csv"))
                ? List.of("--spi-lanyard-screening--default--list-source=" + ofac) : List.of();
        try (KeycloakProcess keycloak = KeycloakProcess.start(home, port, port + 1000, output.resolve(label + "-keycloak.log"), options)) {
            AdminApi admin = AdminApi.login(keycloak.baseUrl());
            admin.createRealm(BenchRealm.representation(keycloak.baseUrl(), lanyard));
            System.setProperty("lanyard.bench.base-url", keycloak.baseUrl());

            // Warm-up: the JIT and the caches see the same traffic on both servers before anything counts.
            withLoad("6", "200", () -> {
                GatlingRun.run(DirectGrantSimulation.class, output.resolve(label + "-warmup"), label + " warm-up");
                GatlingRun.run(ClientCredentialsSimulation.class, output.resolve(label + "-warmup"), label + " warm-up");
                if (lanyard) {
                    // Lanyard's own paths too: unwarmed, the first mail of each mail thread took 250-500 ms (template,
                    // mail session), which was the whole p99 of the round trip's mail part.
                    GatlingRun.run(EmailOtpRoundTripSimulation.class, output.resolve(label + "-warmup"), label + " warm-up");
                    GatlingRun.run(SitePasswordLoginSimulation.class, output.resolve(label + "-warmup"), label + " warm-up");
                }
                return null;
            });

            for (Map.Entry<Class<?>, String> scenario : SCENARIOS.entrySet()) {
                profiled(keycloak, output, label, scenario.getKey(), report,
                        () -> GatlingRun.run(scenario.getKey(), output.resolve(label), label + " " + scenario.getValue()));
                report.add(label, Timings.stats(scenario.getValue()));
            }
            if (lanyard) {
                String name = "email OTP round trip (send + mail + verify)";
                String mailsBefore = keycloak.metrics();
                profiled(keycloak, output, label, EmailOtpRoundTripSimulation.class, report,
                        () -> GatlingRun.run(EmailOtpRoundTripSimulation.class, output.resolve(label), label + " " + name));
                report.add(label, Timings.stats(name));
                for (String part : EmailOtpRoundTripSimulation.PARTS) {
                    report.add(label, Timings.stats(part));
                }
                report.note(MailDeliveries.summary(mailsBefore, keycloak.metrics()));
                profiled(keycloak, output, label, SitePasswordLoginSimulation.class, report,
                        () -> GatlingRun.run(SitePasswordLoginSimulation.class, output.resolve(label), label + " " + SitePasswordLoginSimulation.NAME));
                report.add(label, Timings.stats(SitePasswordLoginSimulation.NAME));
            }
            report.memory(label, keycloak.heapAfterGc(), keycloak.residentSetSize());
        }
    }

    private interface Action {
        Object run() throws Exception;
    }

    private interface Load {
        void run() throws Exception;
    }

    /**
     * Runs {@code load}; with {@code -Dlanyard.bench.profile=true} under a JFR recording of the server, whose flame
     * graph ({@code <server>-<Simulation>-flame.html} in the output) and tables go into the report's appendix.
     */
    private static void profiled(KeycloakProcess keycloak, Path output, String label, Class<?> simulation, Report report, Load load)
            throws Exception {
        if (!Boolean.getBoolean("lanyard.bench.profile")) {
            load.run();
            return;
        }
        keycloak.startProfile();
        load.run();
        String name = label + "-" + simulation.getSimpleName();
        Path recording = output.resolve(name + ".jfr");
        keycloak.stopProfile(recording);
        report.profile(label + ", " + simulation.getSimpleName(), Profiles.summarize(recording, name + "-flame", ".*"));
    }

    /** Runs {@code action} with other sign-in and grant counts, then restores them. */
    private static void withLoad(String signIns, String grants, Action action) throws Exception {
        String oldSignIns = System.getProperty("lanyard.bench.signins");
        String oldGrants = System.getProperty("lanyard.bench.grants");
        System.setProperty("lanyard.bench.signins", signIns);
        System.setProperty("lanyard.bench.grants", grants);
        try {
            action.run();
        } finally {
            restore("lanyard.bench.signins", oldSignIns);
            restore("lanyard.bench.grants", oldGrants);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    private static String required(String property) throws IOException {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IOException("Run through `mvn -Pbench`; system property " + property + " is missing");
        }
        return value;
    }
}
