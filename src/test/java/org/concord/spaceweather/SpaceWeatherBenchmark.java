package org.concord.spaceweather;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.concord.TestNodes;
import org.concord.node.Node;
import org.concord.store.TestDatabases;

/**
 * Times the ingest of CelesTrak's whole SW-All CSV (10,391 days, 1998-07 to 2041 with the predictions, 80,000 and
 * more 3-hour values) into a fresh PostgreSQL database (the server of {@code CONCORD_TEST_PG_URL}), through the node:
 * read, store the days, raise and store the alerts, the audit entry, one transaction. The parse alone is timed too.
 * Run it with {@code scripts/bench-space-weather [--runs N]}; docs/benchmarks.md has the figures.
 */
public final class SpaceWeatherBenchmark {

    private SpaceWeatherBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int runs = args.length == 2 && args[0].equals("--runs") ? Integer.parseInt(args[1]) : 5;
        TestDatabases.PgServer server = TestDatabases.PgServer.fromEnvironment().orElseThrow(() ->
                new IllegalStateException("no PostgreSQL: " + TestDatabases.PG_URL + " is not set (scripts/"
                        + "bench-space-weather starts one)"));
        byte[] file = SpaceWeatherFiles.bytes(SpaceWeatherFiles.SW_ALL);
        System.out.printf("space weather ingest benchmark: %s, %,d bytes; %d runs, each into a fresh PostgreSQL"
                + " database; %d cores, java %s%n", SpaceWeatherFiles.SW_ALL, file.length, runs,
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        once(server, file, "warm-up (not counted)");
        List<Double> totals = new ArrayList<>();
        for (int r = 1; r <= runs; r++) {
            totals.add(once(server, file, "run " + r));
        }
        totals.sort(null);
        System.out.printf("PostgreSQL: best %.2f s, median %.2f s%n", totals.getFirst(), totals.get(runs / 2));
    }

    private static double once(TestDatabases.PgServer server, byte[] file, String what) throws IOException {
        Path directory = Files.createTempDirectory("concord-sw-bench");
        try (TestDatabases.Handle handle = server.createDatabase("swbench");
             Node node = TestNodes.open(directory, Map.of("CONCORD_DB_URL", handle.url(), "CONCORD_DB_USER",
                     handle.user(), "CONCORD_DB_PASSWORD", handle.password()))) {
            long p0 = System.nanoTime();
            int days = SpaceWeatherFormat.read(new String(file, StandardCharsets.UTF_8),
                    SpaceWeatherFiles.provenance(SpaceWeatherFiles.SW_ALL)).indices().size();
            double parse = (System.nanoTime() - p0) / 1e9;
            long t0 = System.nanoTime();
            SpaceWeatherReport report = node.ingestSpaceWeatherAudited(SpaceWeatherFiles.SW_ALL, file,
                    node.ingest().labels().defaultLabel(), "benchmark", "benchmark", Optional.empty());
            double total = (System.nanoTime() - t0) / 1e9;
            if (report.indicesStored() != days) {
                throw new IllegalStateException("unexpected ingest: " + report.summary());
            }
            System.out.printf("%-22s parse %5.2f s   ingest (parse, store, alerts, audit) %5.2f s   %,8.0f days/s"
                    + "   %d alerts%n", what, parse, total, days / total, report.raised().size());
            return total;
        } finally {
            try (var paths = Files.walk(directory)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
