package org.concord.event;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.concord.ingest.IngestRequest;
import org.concord.label.Label;
import org.concord.node.Node;
import org.concord.node.NodeConfig;
import org.concord.screening.ScreeningRun;
import org.concord.screening.ScreeningService;

/**
 * What building conjunction events adds to a screening: {@code [days] [threshold-km] [postgres-url]}, by default one
 * day from 2024-07-05T00:00Z, 5 km, all-vs-all over the bundled catalog on an embedded H2 node. Screens twice: the
 * first run starts an event per conjunction, the second adds an update to each (every event restated). Prints, per
 * run, the screening's time (propagation to storage of its conjunctions: what the run's caller waits for) and the
 * time of the events' pass that follows it in the background, each as wall time and as the CPU time the process
 * used meanwhile (which other jobs on the machine inflate far less than the wall time).
 */
public final class EventBenchmark {

    private EventBenchmark() {
    }

    private static java.lang.management.OperatingSystemMXBean os() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    }

    public static void main(String[] args) throws Exception {
        double days = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
        double thresholdKm = args.length > 1 ? Double.parseDouble(args[1]) : 5.0;
        Path dir = Files.createTempDirectory("concord-bench-events");
        Map<String, String> env = new java.util.HashMap<>(Map.of("CONCORD_SAMPLE_LOAD", "false",
                "CONCORD_NODE_PARTY", "BENCH"));
        if (args.length > 2) {
            env.put("CONCORD_DB_URL", args[2]);
        }
        try (Node node = Node.open(NodeConfig.load(dir, Optional.empty(), env));
             java.io.InputStream catalog = Node.class.getResourceAsStream(Node.SAMPLE_CATALOG)) {
            node.ingest().ingest(new IngestRequest("catalog.tle", catalog.readAllBytes(),
                    Optional.of(Label.publicFrom("BENCH")), "bench", false, Optional.empty()));
            System.out.printf(Locale.ROOT, "load average %.1f at the start%n", os().getSystemLoadAverage());
            io.micrometer.core.instrument.Timer events = node.metrics().registry().get("concord.events.build").timer();
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) os();
            for (int round = 1; round <= 2; round++) {
                double eventsBefore = events.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS);
                long cpu0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                ScreeningRun run = node.screening().run(new ScreeningService.Request(
                        Instant.parse("2024-07-05T00:00:00Z"), Duration.ofMillis(Math.round(days * 86_400_000.0)),
                        thresholdKm * 1000, Optional.empty()), "bench", fraction -> { });
                double wall = (System.nanoTime() - t0) / 1e9;
                long cpu1 = os.getProcessCpuTime();
                node.events().awaitPassesAskedFor(); // the pass the run asked for, handed its conjunctions
                node.events().update(); // none left: a scan from the last placed id
                double screeningCpu = (cpu1 - cpu0) / 1e9;
                double eventsCpu = (os.getProcessCpuTime() - cpu1) / 1e9;
                double eventSeconds = (events.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS) - eventsBefore)
                        / 1e9;
                ScreeningRun.Figures f = run.figures().orElseThrow();
                System.out.printf(Locale.ROOT, "run %d (%s): %d conjunctions; screening %.1f s (propagation %.1f,"
                        + " broad phase %.1f, refinement %.1f, risk %.1f, storage %.1f), CPU %.1f s; then events in the"
                        + " background %.1f s (%.1f %% of the screening), CPU %.1f s (%.1f %% of the screening's)%n",
                        round, run.status(), f.conjunctions(), wall, f.propagationSeconds(),
                        f.broadPhaseSeconds(), f.refinementSeconds(), f.riskSeconds(),
                        f.storageSeconds(), screeningCpu, eventSeconds, 100 * eventSeconds / wall, eventsCpu,
                        100 * eventsCpu / screeningCpu);
                System.out.printf(Locale.ROOT, "load average %.1f after run %d%n", os().getSystemLoadAverage(), round);
            }
            System.out.printf(Locale.ROOT, "load average %.1f at the end%n", os().getSystemLoadAverage());
        }
    }
}
