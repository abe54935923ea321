package org.concord.federation;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.concord.TestNodes;
import org.concord.catalog.OrbitRecord;
import org.concord.http.ApiServer;
import org.concord.ingest.IngestRequest;
import org.concord.label.Label;
import org.concord.label.LabelFilter;
import org.concord.node.Node;
import org.concord.node.TestProductKinds;
import org.concord.node.NodeConfig;
import org.concord.store.TestDatabases;

/**
 * Partner nodes for federation tests, each with its own database and its own HTTP server on a loopback port, and
 * real TLEs of the test catalog subset (Space-Track, 2024-07; see test resources' SOURCES.md) to label and ingest.
 */
final class Partners implements AutoCloseable {

    /** One partner: its node, its server, where its data lives. */
    static final class Member {
        final String party;
        final Path directory;
        final Map<String, String> environment;
        final Clock clock;
        /** Whether the node serves the test product kinds too (from its next start). */
        boolean testKinds;
        Node node;
        ApiServer server;
        int port;

        Member(String party, Path directory, Map<String, String> environment, Clock clock) {
            this.party = party;
            this.directory = directory;
            this.environment = environment;
            this.clock = clock;
        }

        /** Starts (or restarts, on the same database and key) the node and its server. */
        void start() {
            Map<String, String> env = new HashMap<>(environment);
            env.put("CONCORD_SAMPLE_LOAD", "false");
            env.put("CONCORD_NODE_PARTY", party);
            env.put("CONCORD_FEDERATION_PULL_PERIOD", "PT0S");
            env.putIfAbsent("CONCORD_FEDERATION_NOTIFY_PEERS", "false");
            NodeConfig config = NodeConfig.load(directory, Optional.empty(), env);
            node = testKinds ? TestProductKinds.open(config, clock) : Node.open(config, clock);
            server = new ApiServer(node);
            port = server.start("127.0.0.1", port);
        }

        /** Stops the server and the node, as a crash or a shutdown would (the port is kept for the restart). */
        void stop() {
            server.close();
            node.close();
        }

        URI endpoint() {
            return URI.create("http://127.0.0.1:" + port);
        }

        Peer peer(String party) {
            return node.federation().peers().stream().filter(p -> p.party().equals(party) && p.isActive())
                    .findFirst().orElseThrow();
        }

        FeedPuller.SyncReport pullFrom(String party) {
            FeedPuller.SyncReport report = node.federation().pull(peer(party), Integer.MAX_VALUE);
            if (report.error().isPresent()) {
                throw new AssertionError(this.party + " pulling from " + party + ": " + report.error().get());
            }
            return report;
        }

        /** Every orbit record this node holds, whatever its label. */
        List<OrbitRecord> orbits() {
            List<OrbitRecord> all = new ArrayList<>();
            for (OrbitRecord latest : node.catalog().latestOrbits()) {
                all.addAll(node.catalog().orbitHistory(latest.noradId(), LabelFilter.UNRESTRICTED));
            }
            return all;
        }

        Set<String> hashes() {
            return orbits().stream().map(OrbitRecord::contentSha256).collect(Collectors.toSet());
        }

        /** Ingests TLEs (each 3 lines) under one label; returns their content hashes. */
        Set<String> ingest(String name, List<String> tles, Label label) {
            Set<String> before = hashes();
            String text = String.join("\n", tles) + "\n";
            node.ingestAudited(new IngestRequest(name, text.getBytes(StandardCharsets.US_ASCII), Optional.of(label),
                    "test", false, Optional.empty()), "test", Optional.of(party));
            Set<String> added = new java.util.HashSet<>(hashes());
            added.removeAll(before);
            if (added.size() != tles.size()) {
                throw new AssertionError(party + " stored " + added.size() + " of " + tles.size() + " TLEs");
            }
            return added;
        }
    }

    final Map<String, Member> members = new LinkedHashMap<>();

    /** Starts the partners, each on H2 unless listed in {@code onPostgres}, and registers each with each other. */
    static Partners start(Path root, List<String> parties, Set<String> onPostgres, Clock clock,
                          Map<String, String> extraEnvironment, List<AutoCloseable> cleanup) {
        return start(root, parties, onPostgres, Set.of(), clock, extraEnvironment, cleanup);
    }

    /** As above, the partners in {@code withTestKinds} serving the test product kinds from their first start. */
    static Partners start(Path root, List<String> parties, Set<String> onPostgres, Set<String> withTestKinds,
                          Clock clock, Map<String, String> extraEnvironment, List<AutoCloseable> cleanup) {
        Partners partners = new Partners();
        for (String party : parties) {
            Map<String, String> env = new HashMap<>(extraEnvironment);
            if (onPostgres.contains(party)) {
                TestDatabases.Handle db = TestDatabases.PgServer.requiredForTests().createDatabase("fed_" + party);
                cleanup.add(db);
                env.put("CONCORD_DB_URL", db.url());
                env.put("CONCORD_DB_USER", db.user());
                env.put("CONCORD_DB_PASSWORD", db.password());
            }
            Member m = new Member(party, root.resolve(party.toLowerCase()), env, clock);
            m.testKinds = withTestKinds.contains(party);
            m.start();
            partners.members.put(party, m);
        }
        for (Member a : partners.members.values()) {
            for (Member b : partners.members.values()) {
                if (a != b) { // a node's own party is registered when it opens
                    a.node.sharing().addParty(b.party, "party " + b.party, org.concord.access.PartyKind.NATION,
                            TestNodes.TEST_ADMIN);
                    a.node.federation().addPeer(b.party, b.node.identity().publicKeyPem(), b.endpoint(),
                            TestNodes.TEST_ADMIN);
                }
            }
        }
        return partners;
    }

    Member get(String party) {
        return members.get(party);
    }

    /** The test subset's TLEs, three lines each, in file order. */
    static List<String> tles() {
        String text = new String(TestNodes.resource("/catalog/subset_301obj_3le_2024-07.txt"), StandardCharsets.US_ASCII);
        String[] lines = text.split("\r?\n");
        List<String> tles = new ArrayList<>();
        for (int i = 0; i + 2 < lines.length; i += 3) {
            tles.add(lines[i] + "\n" + lines[i + 1] + "\n" + lines[i + 2]);
        }
        return tles;
    }

    @Override
    public void close() {
        for (Member m : members.values()) {
            try {
                m.stop();
            } catch (RuntimeException ignored) {
                // already stopped by the test
            }
        }
    }
}
