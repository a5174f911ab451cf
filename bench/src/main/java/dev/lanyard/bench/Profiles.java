package dev.lanyard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Turns a JFR recording into what a reader needs to tell where the time went: a flame graph (HTML, by
 * async-profiler's converter on the bench classpath) and a table of the methods most often on the stack
 * and most often on top of it, from the converter's collapsed stacks.
 */
final class Profiles {

    private static final int ROWS = 20;

    private Profiles() {
    }

    /** Writes {@code <name>.html} (flame graph) beside {@code recording} and answers the two tables in Markdown. */
    static String summarize(Path recording, String name, String filter) throws IOException, InterruptedException {
        Path dir = recording.getParent();
        Path html = dir.resolve(name + ".html");
        Path collapsed = dir.resolve(name + ".collapsed");
        convert("html", recording, html, filter);
        convert("collapsed", recording, collapsed, filter);

        Map<String, Long> onStack = new HashMap<>();
        Map<String, Long> onTop = new HashMap<>();
        long total = 0;
        for (String line : Files.readAllLines(collapsed)) {
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            long samples = Long.parseLong(line.substring(space + 1));
            String[] frames = line.substring(0, space).split(";");
            total += samples;
            Set<String> seen = new HashSet<>();
            for (String frame : frames) {
                if (seen.add(frame)) {
                    onStack.merge(frame, samples, Long::sum);
                }
            }
            onTop.merge(frames[frames.length - 1], samples, Long::sum);
        }
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "%,d CPU samples (JFR, settings=profile) in stacks through `%s`; flame graph: `%s`.%n%n",
                total, filter, html.getFileName()));
        table(md, "Methods on the stack (inclusive), Keycloak, Hibernate, JDBC and Lanyard frames", onStack, total,
                frame -> frame.matches("(dev\\.lanyard|org\\.keycloak|org\\.hibernate|org\\.h2|org\\.postgresql|io\\.agroal)[./].*"));
        table(md, "Methods on top of the stack (self)", onTop, total, frame -> true);
        return md.toString();
    }

    private static void table(StringBuilder md, String title, Map<String, Long> samples, long total,
            java.util.function.Predicate<String> shown) {
        md.append("**").append(title).append("**\n\n| share | samples | method |\n|---:|---:|---|\n");
        samples.entrySet().stream().filter(e -> shown.test(e.getKey()))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(ROWS)
                .forEach(e -> md.append(String.format(Locale.ROOT, "| %.1f%% | %,d | `%s` |%n", 100.0 * e.getValue() / total, e.getValue(),
                        e.getKey().replace("|", "\\|"))));
        md.append('\n');
    }

    /** async-profiler's jfrconv (its Main class is in the unnamed package, so it runs as a process of its own). */
    private static void convert(String format, Path recording, Path out, String filter) throws IOException, InterruptedException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "Main", "--norm", "--dot", "-o", format,
                "--include", filter, "--title", "Lanyard " + recording.getFileName(), recording.toString(), out.toString());
        Process jfrconv = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(jfrconv.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!jfrconv.waitFor(5, TimeUnit.MINUTES) || jfrconv.exitValue() != 0) {
            throw new IOException("jfrconv failed on " + recording + ": " + log);
        }
    }
}
