package org.concord.federation;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.concord.access.Principal;
import org.concord.catalog.CatalogStatistics;
import org.concord.http.ApiServer;
import org.concord.ingest.IngestRequest;
import org.concord.label.Label;
import org.concord.label.LabelFilter;
import org.concord.node.Node;
import org.concord.node.NodeConfig;
import org.concord.store.CatalogSamples;
import org.concord.store.TestDatabases;

/**
 * Orbit records from one node to another: a sender holding N records (default 100,000), a receiver pulling its whole
 * feed over HTTP on loopback — built, signed and served in bundles, verified, read and stored with provenance. Prints
 * the wall time of the transfer and records per second. The records are the bundled catalog's 26,389 real TLEs
 * (Space-Track, 2024-07) and copies of them that differ only in the element set number (with the checksum fixed), so
 * that every record is distinct. Run it with {@code scripts/bench-federation [--records N] [--h2-only|--pg-only]}.
 */
public final class FederationBenchmark {

    private FederationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int records = 100_000;
        boolean h2 = true;
        boolean pg = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--records" -> records = Integer.parseInt(args[++i]);
                case "--h2-only" -> pg = false;
                case "--pg-only" -> h2 = false;
                default -> {
                    System.err.println("usage: FederationBenchmark [--records N] [--h2-only|--pg-only]");
                    System.exit(2);
                }
            }
        }
        List<String> tles = distinctTles(records);
        Path scratch = Files.createTempDirectory("concord-bench-federation");
        if (h2) {
            run("H2", scratch.resolve("h2"), Map.of(), Map.of(), tles);
        }
        if (pg) {
            TestDatabases.PgServer server = TestDatabases.PgServer.fromEnvironment().orElseThrow(() ->
                    new IllegalStateException(TestDatabases.PG_URL + " is not set (scripts/bench-federation starts"
                            + " one)"));
            TestDatabases.Handle senderDb = server.createDatabase("benchfed_sender");
            TestDatabases.Handle receiverDb = server.createDatabase("benchfed_receiver");
            run("PostgreSQL", scratch.resolve("pg"), environment(senderDb), environment(receiverDb), tles);
            senderDb.close();
            receiverDb.close();
        }
    }

    private static Map<String, String> environment(TestDatabases.Handle db) {
        return Map.of("CONCORD_DB_URL", db.url(), "CONCORD_DB_USER", db.user(), "CONCORD_DB_PASSWORD", db.password());
    }

    private static Node open(Path directory, String party, Map<String, String> dbEnvironment) {
        Map<String, String> env = new HashMap<>(dbEnvironment);
        env.put("CONCORD_SAMPLE_LOAD", "false");
        env.put("CONCORD_NODE_PARTY", party);
        env.put("CONCORD_FEDERATION_PULL_PERIOD", "PT0S");
        env.put("CONCORD_FEDERATION_NOTIFY_PEERS", "false");
        return Node.open(NodeConfig.load(directory, Optional.empty(), env));
    }

    private static void run(String database, Path directory, Map<String, String> senderDb,
                            Map<String, String> receiverDb, List<String> tles) throws Exception {
        Principal admin = Principal.localOperator("benchmark");
        try (Node sender = open(directory.resolve("gbr"), "GBR", senderDb);
             Node receiver = open(directory.resolve("usa"), "USA", receiverDb);
             ApiServer senderServer = new ApiServer(sender)) {
            int port = senderServer.start("127.0.0.1", 0);
            long ingestStart = System.nanoTime();
            int chunk = 25_000;
            for (int i = 0; i < tles.size(); i += chunk) {
                String text = String.join("\n", tles.subList(i, Math.min(tles.size(), i + chunk))) + "\n";
                sender.ingest().ingest(new IngestRequest("bench-" + i + ".tle", text.getBytes(StandardCharsets.US_ASCII),
                        Optional.of(Label.publicFrom("GBR")), "benchmark", false, Optional.empty()));
            }
            double ingestSeconds = (System.nanoTime() - ingestStart) / 1e9;
            sender.federation().addPeer("USA", receiver.identity().publicKeyPem(), URI.create("http://127.0.0.1:1"),
                    admin);
            Peer senderAtReceiver = receiver.federation().addPeer("GBR", sender.identity().publicKeyPem(),
                    URI.create("http://127.0.0.1:" + port), admin);

            long start = System.nanoTime();
            FeedPuller.SyncReport report = receiver.federation().pull(senderAtReceiver, Integer.MAX_VALUE);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (report.error().isPresent()) {
                throw new IllegalStateException("the transfer failed: " + report.error().get());
            }
            CatalogStatistics received = receiver.catalog().statistics(LabelFilter.UNRESTRICTED);
            System.out.printf("%-10s %,d records (sender ingest %.1f s): transfer %.2f s wall, %,.0f records/s,"
                            + " %d bundles of up to %,d, %,d stored at the receiver (%,d orbit records held)%n",
                    database, tles.size(), ingestSeconds, seconds, tles.size() / seconds, report.bundles(),
                    sender.config().federationBundleRecords(), report.stored(), received.orbitRecords());
            if (received.orbitRecords() != tles.size()) {
                throw new IllegalStateException("the receiver holds " + received.orbitRecords() + " records, not "
                        + tles.size());
            }
        }
    }

    /** {@code count} distinct TLEs: the bundled catalog, then copies with other element set numbers. */
    static List<String> distinctTles(int count) throws IOException {
        String text = new String(CatalogSamples.fullCatalog(), StandardCharsets.US_ASCII);
        String[] lines = text.split("\r?\n");
        List<String> tles = new ArrayList<>(count);
        for (int copy = 0; tles.size() < count; copy++) {
            for (int i = 0; i + 2 < lines.length && tles.size() < count; i += 3) {
                String line1 = copy == 0 ? lines[i + 1] : withElementSetNumber(lines[i + 1], 9000 + copy);
                tles.add(lines[i] + "\n" + line1 + "\n" + lines[i + 2]);
            }
        }
        return tles;
    }

    private static String withElementSetNumber(String line1, int number) {
        String body = line1.substring(0, 64) + String.format("%4d", number);
        int sum = 0;
        for (char c : body.toCharArray()) {
            sum += Character.isDigit(c) ? c - '0' : c == '-' ? 1 : 0;
        }
        return body + (sum % 10);
    }
}
