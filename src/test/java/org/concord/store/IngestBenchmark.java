package org.concord.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.concord.catalog.CatalogStore;
import org.concord.ingest.IngestReport;
import org.concord.ingest.IngestRequest;
import org.concord.ingest.IngestService;
import org.concord.ingest.LabelRules;
import org.concord.label.Label;
import org.concord.orbit.OrekitSetup;

/**
 * Times the ingest of the bundled full catalog (26,389 objects) into a fresh PostgreSQL database (the server of
 * {@code CONCORD_TEST_PG_URL}) and a fresh H2 file database: parse (decode, detect, read, validate, hash, label),
 * store (the one transaction), total and records per second, then the same file again (nothing new to store).
 * Run it with {@code scripts/bench-ingest [--runs N] [--pg-only|--h2-only]}.
 *
 * <p>It lives with the tests: it is a developer's measuring tool, not part of the node, and shares the test
 * databases' set-up ({@link TestDatabases}).
 */
public final class IngestBenchmark {

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int runs = 3;
        boolean pg = true;
        boolean h2 = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--pg-only" -> h2 = false;
                case "--h2-only" -> pg = false;
                default -> {
                    System.err.println("usage: IngestBenchmark [--runs N] [--pg-only|--h2-only]");
                    System.exit(2);
                }
            }
        }
        OrekitSetup.get();
        byte[] file = CatalogSamples.fullCatalog();
        System.out.printf("ingest benchmark: %s, %,d bytes, %,d objects; %d run(s) per database, each into a fresh"
                + " database; %d cores, java %s%n", CatalogSamples.FULL_CATALOG, file.length,
                CatalogSamples.FULL_CATALOG_OBJECTS, runs, Runtime.getRuntime().availableProcessors(),
                Runtime.version());
        Path scratch = Files.createTempDirectory("concord-bench");
        try {
            Optional<TestDatabases.PgServer> server = TestDatabases.PgServer.fromEnvironment();
            if (pg && server.isEmpty()) {
                System.err.println("no PostgreSQL: " + TestDatabases.PG_URL + " is not set (scripts/bench-ingest"
                        + " starts one)");
                System.exit(1);
            }
            // one untimed ingest first, so that the first timed run does not pay for class loading and JIT
            System.out.println("warm-up (" + (pg ? "PostgreSQL" : "H2") + ", not counted) ...");
            once("warm-up", pg ? server.get().createDatabase("bench") : TestDatabases.h2(scratch), file, false);
            if (pg) {
                List<double[]> results = new ArrayList<>();
                for (int r = 1; r <= runs; r++) {
                    results.add(once("PostgreSQL run " + r, server.get().createDatabase("bench"), file, true));
                }
                summary("PostgreSQL", results);
            }
            if (h2) {
                List<double[]> results = new ArrayList<>();
                for (int r = 1; r <= runs; r++) {
                    results.add(once("H2 run " + r, TestDatabases.h2(scratch), file, true));
                }
                summary("H2", results);
            }
        } finally {
            try (Stream<Path> paths = Files.walk(scratch)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.delete(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }

    /** One ingest into a fresh database: {parse s, store s, total s, re-ingest s}. */
    private static double[] once(String what, TestDatabases.Handle handle, byte[] file, boolean print) {
        try (handle; Database db = handle.open()) {
            TimedStore store = new TimedStore(new JooqCatalogStore(db));
            IngestService ingest = new IngestService(store.proxy, new JooqConjunctionStore(db, new org.concord.store.JooqProductStore(db, org.concord.node.Node.PRODUCT_KINDS)), new org.concord.reentry.ReentryReports(new org.concord.product.ProductService(new org.concord.store.JooqProductStore(db, org.concord.node.Node.PRODUCT_KINDS)), store.proxy),
                    org.concord.risk.HardBodyRadii.bundled(), new LabelRules(Label.publicFrom("USA-18SDS"), List.of()),
                    64L << 20, Clock.systemUTC(), new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
            long t0 = System.nanoTime();
            IngestReport report = ingest.ingest(IngestRequest.of("full_catalog.txt", file, "benchmark"));
            long total = System.nanoTime() - t0;
            long storeNanos = store.nanos;
            if (report.stored() != CatalogSamples.FULL_CATALOG_OBJECTS || !report.errors().isEmpty()) {
                throw new IllegalStateException("unexpected ingest: " + report.summary());
            }
            store.nanos = 0;
            long t1 = System.nanoTime();
            IngestReport again = ingest.ingest(IngestRequest.of("full_catalog.txt", file, "benchmark"));
            long reingest = System.nanoTime() - t1;
            if (again.stored() != 0 || again.unchanged() != CatalogSamples.FULL_CATALOG_OBJECTS) {
                throw new IllegalStateException("unexpected re-ingest: " + again.summary());
            }
            double[] result = {(total - storeNanos) / 1e9, storeNanos / 1e9, total / 1e9, reingest / 1e9,
                store.nanos / 1e9};
            if (print) {
                System.out.printf("%-18s parse %5.2f s   store %5.2f s   total %5.2f s   %,7.0f records/s"
                                + "   | same file again: %5.2f s (store %4.2f s)%n", what, result[0], result[1],
                        result[2], CatalogSamples.FULL_CATALOG_OBJECTS / result[2], result[3], result[4]);
            }
            return result;
        }
    }

    private static void summary(String database, List<double[]> results) {
        double[] best = results.stream().min(Comparator.comparingDouble(r -> r[2])).orElseThrow();
        double[] median = results.stream().sorted(Comparator.comparingDouble(r -> r[2])).toList()
                .get(results.size() / 2);
        System.out.printf("%-18s best total %5.2f s (parse %4.2f + store %4.2f), median total %5.2f s,"
                        + " %,.0f records/s at best%n", database + ":", best[2], best[0], best[1], median[2],
                CatalogSamples.FULL_CATALOG_OBJECTS / best[2]);
    }

    /**
     * A store that adds up the time spent in {@link CatalogStore#store} (a proxy, so that it keeps compiling when
     * the interface grows).
     */
    private static final class TimedStore {
        final CatalogStore proxy;
        long nanos;

        TimedStore(CatalogStore delegate) {
            proxy = (CatalogStore) Proxy.newProxyInstance(CatalogStore.class.getClassLoader(),
                    new Class<?>[] {CatalogStore.class}, (self, method, args) -> {
                        long t0 = System.nanoTime();
                        try {
                            return method.invoke(delegate, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        } finally {
                            if (method.getName().equals("store")) {
                                nanos += System.nanoTime() - t0;
                            }
                        }
                    });
        }
    }
}
