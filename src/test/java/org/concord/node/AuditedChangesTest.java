package org.concord.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.concord.TestNodes;
import org.concord.access.PartyKind;
import org.concord.audit.AuditAction;
import org.concord.audit.AuditEntry;
import org.concord.catalog.OrbitRecord;
import org.concord.http.ApiServer;
import org.concord.ingest.IngestRequest;
import org.concord.label.LabelFilter;
import org.concord.store.Database;
import org.concord.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A data write and its audit entry are one unit, on H2 and PostgreSQL: both are kept, or neither. The audit failure is
 * injected the way a full disk or a broken database would cause it: the audit table refuses the next entry.
 */
class AuditedChangesTest {

    private static final String TLE = """
            0 VANGUARD 1
            1 00005U 58002B   24187.49270102  .00000872  00000-0  11018-2 0  9997
            2 00005  34.2494 350.7565 1842018 170.0536 194.2361 10.85456480365911
            """;

    @TempDir
    Path dir;

    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (AutoCloseable c : cleanup.reversed()) {
            c.close();
        }
    }

    private Node open(String database) {
        Map<String, String> env = new HashMap<>();
        if (database.equals("postgres")) {
            TestDatabases.Handle db = TestDatabases.PgServer.requiredForTests().createDatabase("audited");
            cleanup.add(db);
            env.put("CONCORD_DB_URL", db.url());
            env.put("CONCORD_DB_USER", db.user());
            env.put("CONCORD_DB_PASSWORD", db.password());
        }
        Node node = TestNodes.open(dir, env);
        cleanup.add(node);
        return node;
    }

    /** From now on the audit table refuses every entry; returns how to open it again. */
    private static Runnable refuseAuditEntries(Node node) {
        NodeConfig c = node.config();
        long size = node.audit().size();
        try (Database db = DataDirectory.openDatabase(c)) {
            db.dsl().execute("ALTER TABLE audit_entry ADD CONSTRAINT audit_refused CHECK (seq < " + size + ")");
        }
        return () -> {
            try (Database db = DataDirectory.openDatabase(c)) {
                db.dsl().execute("ALTER TABLE audit_entry DROP CONSTRAINT audit_refused");
            }
        };
    }

    private static List<AuditEntry> entries(Node node, AuditAction action) {
        return node.audit().entries(0, 10_000).stream().filter(e -> e.event().action() == action).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void anUploadWithANameLongerThanTheAuditSubjectIsRefusedWithNothingStored(String database) throws Exception {
        // the reproduction: stored, then answered 400 without its audit entry
        Node node = open(database);
        ApiServer server = new ApiServer(node);
        cleanup.add(server);
        int port = server.start("127.0.0.1", 0);
        String name = "n".repeat(1_016) + ".tle";

        HttpResponse<String> upload = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + port + "/api/v1/orbits?name=" + URLEncoder.encode(name,
                                StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + TestNodes.adminToken(node))
                .POST(HttpRequest.BodyPublishers.ofString(TLE)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(400);
        assertThat(node.catalog().findObject(5, LabelFilter.UNRESTRICTED)).isEmpty();
        assertThat(entries(node, AuditAction.INGEST)).isEmpty();
        assertThat(node.audit().verify().intact()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void anIngestWithANameLongerThanTheAuditSubjectIsStoredWithItsAuditEntry(String database) {
        // the command line takes file paths of any length: the subject is cut to fit, never the entry lost
        Node node = open(database);
        String name = "n".repeat(1_016) + ".tle"; // 1,020 characters: "ingest " + name is over 1,024

        node.ingestAudited(IngestRequest.of(name, TLE.getBytes(StandardCharsets.UTF_8), "test"), "tester",
                Optional.empty());

        assertThat(node.catalog().findObject(5, LabelFilter.UNRESTRICTED)).isPresent();
        assertThat(entries(node, AuditAction.INGEST)).singleElement().satisfies(e -> {
            assertThat(e.event().subject()).hasSize(1024).startsWith("ingest nnn").endsWith("n…");
            assertThat(e.event().detail()).contains("1 stored");
        });
        assertThat(node.audit().verify().intact()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void anIngestWhoseAuditEntryCannotBeStoredIsNotStoredEither(String database) {
        Node node = open(database);
        long entriesBefore = node.audit().size();
        Runnable reopen = refuseAuditEntries(node);

        assertThatThrownBy(() -> node.ingestAudited(IngestRequest.of("vanguard.tle",
                TLE.getBytes(StandardCharsets.UTF_8), "test"), "tester", Optional.empty()))
                .isInstanceOf(RuntimeException.class);
        assertThat(node.catalog().findObject(5, LabelFilter.UNRESTRICTED)).isEmpty();
        assertThat(node.catalog().orbitHistory(5, LabelFilter.UNRESTRICTED)).isEmpty();

        reopen.run();
        assertThat(node.audit().size()).isEqualTo(entriesBefore);
        node.ingestAudited(IngestRequest.of("vanguard.tle", TLE.getBytes(StandardCharsets.UTF_8), "test"),
                "tester", Optional.empty());
        assertThat(node.catalog().findObject(5, LabelFilter.UNRESTRICTED)).isPresent();
        assertThat(entries(node, AuditAction.INGEST)).singleElement()
                .satisfies(e -> assertThat(e.event().detail()).contains("1 stored"));
        assertThat(node.audit().verify().intact()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aRecallAndASharingChangeWhoseAuditEntriesCannotBeStoredAreUndone(String database) {
        Node node = open(database);
        node.ingestAudited(IngestRequest.of("vanguard.tle", TLE.getBytes(StandardCharsets.UTF_8), "test"),
                "tester", Optional.empty());
        OrbitRecord orbit = node.catalog().orbitHistory(5, LabelFilter.UNRESTRICTED).getFirst();
        Runnable reopen = refuseAuditEntries(node);

        assertThatThrownBy(() -> node.recallAudited(orbit.contentSha256(), orbit.label().originator(), "wrong",
                "tester", Optional.empty()));
        assertThat(node.catalog().orbitHistory(5, LabelFilter.UNRESTRICTED)).hasSize(1);
        assertThatThrownBy(() -> node.sharing().addParty("GBR", "United Kingdom", PartyKind.NATION,
                TestNodes.TEST_ADMIN));
        assertThat(node.sharing().parties()).noneMatch(p -> p.code().equals("GBR"));

        reopen.run();
        node.sharing().addParty("GBR", "United Kingdom", PartyKind.NATION, TestNodes.TEST_ADMIN);
        assertThat(node.sharing().parties()).anyMatch(p -> p.code().equals("GBR"));
        assertThat(entries(node, AuditAction.PARTY_CHANGE)).filteredOn(e -> e.event().subject().equals("party GBR"))
                .singleElement();
        assertThat(entries(node, AuditAction.RECALL)).isEmpty();
        assertThat(node.audit().verify().intact()).isTrue();
    }
}
