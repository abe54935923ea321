package org.concord.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.concord.TestNodes;
import org.concord.http.ApiServer;
import org.concord.store.Database;
import org.concord.store.StoredRows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No stored row can stop a node from starting or make a list of it answer 5xx. */
class StoredRowsTest {

    @TempDir
    Path dir;

    @Test
    void aPeerWhoseRowCannotBeReadIsLeftOutOfTheFederation() {
        NodeConfig config;
        try (Node node = TestNodes.open(dir, Map.of())) {
            config = node.config();
        }
        try (Database db = DataDirectory.openDatabase(config)) {
            db.dsl().insertInto(table(name("peer")))
                    .set(field(name("party"), String.class), "GBR")
                    .set(field(name("fingerprint"), String.class), "0".repeat(64))
                    .set(field(name("public_key"), String.class), "not a key")
                    .set(field(name("endpoint"), String.class), "::not a uri")
                    .set(field(name("added_at"), OffsetDateTime.class), OffsetDateTime.now(ZoneOffset.UTC))
                    .set(field(name("added_by"), String.class), "sql")
                    .execute();
        }
        try (Node node = TestNodes.open(dir, Map.of())) {
            assertThat(node.federation().peers()).as("what concord serve reads at start").isEmpty();
        }
    }

    @Test
    void unreadableScreeningRunsAreMarkedFailedAtStartAndLeftOutOfTheList() throws Exception {
        NodeConfig config;
        try (Node node = TestNodes.open(dir, Map.of())) {
            config = node.config();
        }
        try (Database db = DataDirectory.openDatabase(config)) {
            // what POST /api/v1/screenings with "start":"-999999999-01-01T00:00:00Z" left behind
            StoredRows.insertRunningRun(db.dsl(), "ALL_VS_ALL", OffsetDateTime.of(-999_999_999, 1, 1, 0, 0, 0, 0,
                    ZoneOffset.UTC));
            StoredRows.insertRunningRun(db.dsl(), "NEWER_KIND", OffsetDateTime.of(2024, 7, 5, 0, 0, 0, 0,
                    ZoneOffset.UTC));
        }

        try (Node node = TestNodes.open(dir, Map.of())) {
            assertThat(node.screening().failStaleRuns()).as("the check concord serve makes at start").isEqualTo(2);
            assertThat(node.screening().runs(100)).isEmpty();
            ApiServer server = new ApiServer(node);
            try {
                int port = server.start("127.0.0.1", 0);
                HttpResponse<String> list = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/screenings"))
                        .header("Authorization", "Bearer " + TestNodes.adminToken(node)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(list.statusCode()).isEqualTo(200);
                assertThat(list.body()).isEqualTo("{\"items\":[]}");
            } finally {
                server.close();
            }
        }
    }
}
