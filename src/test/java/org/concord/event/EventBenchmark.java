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
 * time of the events' pass that follows it in the background.
 */
public final class EventBenchmark {

    private EventBenchmark() {
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
            io.micrometer.core.instrument.Timer events = node.metrics().registry().get("concord.events.build").timer();
            for (int round = 1; round <= 2; round++) {
                double eventsBefore = events.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS);
                long t0 = System.nanoTime();
                ScreeningRun run = node.screening().run(new ScreeningService.Request(
                        Instant.parse("2024-07-05T00:00:00Z"), Duration.ofMillis(Math.round(days * 86_400_000.0)),
                        thresholdKm * 1000, Optional.empty()), "bench", fraction -> { });
                double wall = (System.nanoTime() - t0) / 1e9;
                node.events().update(); // waits for the pass the run asked for, or makes it
                double eventSeconds = (events.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS) - eventsBefore)
                        / 1e9;
                ScreeningRun.Figures f = run.figures().orElseThrow();
                System.out.printf(Locale.ROOT, "run %d (%s): %d conjunctions; screening %.1f s (propagation %.1f,"
                        + " broad phase %.1f, refinement %.1f, risk %.1f, storage %.1f); then events in the"
                        + " background %.1f s (%.1f %% of the screening)%n",
                        round, run.status(), f.conjunctions(), wall, f.propagationSeconds(),
                        f.broadPhaseSeconds(), f.refinementSeconds(), f.riskSeconds(),
                        f.storageSeconds(), eventSeconds, 100 * eventSeconds / wall);
            }
        }
    }
}
