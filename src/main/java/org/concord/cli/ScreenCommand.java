package org.concord.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.concord.conjunction.ScreeningRun;
import org.concord.node.Node;
import org.concord.screening.ScreeningService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "screen", description = "Screen the catalog for close approaches (all-vs-all, or --primary against"
        + " all) and store every conjunction under the threshold with its maximum Pc and combined label.")
final class ScreenCommand implements Callable<Integer> {

    @ParentCommand
    ConcordCli parent;

    @Option(names = "--start", required = true, description = "Window start, ISO-8601 UTC") Instant start;
    @Option(names = "--window", defaultValue = "7d", description = "Window length: 7d, 36h, 90m (default ${DEFAULT-VALUE})")
    String window;
    @Option(names = "--threshold", defaultValue = "5km", description = "Miss-distance threshold: 5km or 500m (default ${DEFAULT-VALUE})")
    String threshold;
    @Option(names = "--primary", description = "Screen only this object against the catalog") Long primary;

    @Override
    public Integer call() {
        Duration length = parseDuration(window);
        double meters = parseDistance(threshold);
        try (Node node = parent.openNode()) {
            long[] lastPercent = {-1};
            ScreeningRun run = node.screening().run(new ScreeningService.Request(start, length, meters,
                    Optional.ofNullable(primary)), "cli:" + System.getProperty("user.name", "unknown"), fraction -> {
                        long percent = Math.round(fraction * 100);
                        if (percent != lastPercent[0]) {
                            lastPercent[0] = percent;
                            int bars = (int) (percent / 2);
                            System.err.print("\r[" + "#".repeat(bars) + " ".repeat(50 - bars) + "] " + percent + "%");
                        }
                    });
            System.err.println();
            if (run.status() == ScreeningRun.Status.FAILED) {
                System.err.println("screening run " + run.id() + " failed: " + run.error().orElse("?"));
                return 1;
            }
            ScreeningRun.Figures f = run.figures().orElseThrow();
            System.out.printf(Locale.ROOT, "screening run %d: %d objects (%d excluded by SGP4 errors), %d candidate"
                            + " pairs, %d conjunctions under %.0f m%n", run.id(), f.objectsScreened(),
                    f.objectsExcluded(), f.candidatePairs(), f.conjunctions(), meters);
            System.out.printf(Locale.ROOT, "stages: propagation %.1f s, broad phase %.1f s, refinement %.1f s,"
                            + " Pc %.1f s, storage %.1f s%n", f.propagationSeconds(), f.broadPhaseSeconds(),
                    f.refinementSeconds(), f.riskSeconds(), node.conjunctions().findRun(run.id()).orElseThrow()
                            .figures().orElseThrow().storageSeconds());
            System.out.println("list them: concord conjunctions --run " + run.id() + " --sort pc");
        }
        return 0;
    }

    static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            double value = Double.parseDouble(t.substring(0, t.length() - 1));
            long seconds = switch (t.charAt(t.length() - 1)) {
                case 'd' -> Math.round(value * 86400);
                case 'h' -> Math.round(value * 3600);
                case 'm' -> Math.round(value * 60);
                case 's' -> Math.round(value);
                default -> throw new NumberFormatException();
            };
            if (seconds <= 0) {
                throw new NumberFormatException();
            }
            return Duration.ofSeconds(seconds);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("window '" + text + "' is not a positive duration such as 7d, 36h, 90m");
        }
    }

    static double parseDistance(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            double meters = t.endsWith("km") ? Double.parseDouble(t.substring(0, t.length() - 2)) * 1000
                    : t.endsWith("m") ? Double.parseDouble(t.substring(0, t.length() - 1)) : Double.parseDouble(t);
            if (!(meters > 0) || meters > 1e6) {
                throw new NumberFormatException();
            }
            return meters;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("threshold '" + text + "' is not a distance such as 5km or 500m"
                    + " (at most 1000 km)");
        }
    }
}
