package org.concord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.concord.TestNodes;
import org.concord.http.ApiServer;
import org.concord.ingest.IngestRequest;
import org.concord.label.Label;
import org.concord.node.Node;
import org.concord.node.NodeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The administrator's peer commands against a partner node serving on loopback. */
class PeerCommandTest {

    @TempDir
    Path dir;

    @Test
    void anAdministratorRegistersAPartnerSyncsSeesTheExchangeAndRemovesIt() throws Exception {
        Path usaData = dir.resolve("usa");
        Files.createDirectories(usaData);
        Files.writeString(usaData.resolve(NodeConfig.FILE_NAME), "node.party=USA\n");
        try (Node gbr = Node.open(NodeConfig.load(dir.resolve("gbr"), Optional.empty(), Map.of(
                "CONCORD_NODE_PARTY", "GBR", "CONCORD_SAMPLE_LOAD", "false")));
             ApiServer server = new ApiServer(gbr)) {
            int port = server.start("127.0.0.1", 0);
            CliRun key = CliRun.of(usaData, "node", "key");
            String usaPem = key.out().substring(0, key.out().indexOf("-----END PUBLIC KEY-----")
                    + "-----END PUBLIC KEY-----".length()) + "\n";
            gbr.federation().addPeer("USA", usaPem, URI.create("http://127.0.0.1:1"), TestNodes.TEST_ADMIN);
            String tles = new String(TestNodes.resource("/catalog/subset_301obj_3le_2024-07.txt"),
                    StandardCharsets.US_ASCII).lines().limit(9).reduce("", (a, b) -> a + b + "\n");
            gbr.ingest().ingest(new IngestRequest("gbr.tle", tles.getBytes(StandardCharsets.US_ASCII),
                    Optional.of(Label.publicFrom("GBR")), "test", false, Optional.empty()));
            Path gbrKey = dir.resolve("gbr-node.pub.pem");
            Files.writeString(gbrKey, gbr.identity().publicKeyPem());
            Path notAKey = dir.resolve("not-a-key.pem");
            Files.writeString(notAKey, "hello\n");

            CliRun bad = CliRun.of(usaData, "peer", "add", "--party", "GBR", "--key", notAKey.toString(),
                    "--endpoint", "http://127.0.0.1:" + port);
            assertThat(bad.exitCode()).isEqualTo(1);
            assertThat(bad.err()).contains("--key " + notAKey + ": public key is not PEM text");
            CliRun badEndpoint = CliRun.of(usaData, "peer", "add", "--party", "GBR", "--key", gbrKey.toString(),
                    "--endpoint", "ftp://127.0.0.1");
            assertThat(badEndpoint.err()).contains("is not an http(s) URL");

            CliRun added = CliRun.of(usaData, "peer", "add", "--party", "gbr", "--key", gbrKey.toString(),
                    "--endpoint", "http://127.0.0.1:" + port);
            assertThat(added.exitCode()).as(added.err()).isZero();
            assertThat(added.out()).contains("added peer 1: GBR at http://127.0.0.1:" + port)
                    .contains(gbr.identity().fingerprint());
            CliRun sync = CliRun.of(usaData, "peer", "sync");
            assertThat(sync.exitCode()).as(sync.out() + sync.err()).isZero();
            assertThat(sync.out()).contains("GBR: 1 bundles, 3 records stored, 0 unchanged, 0 rejected");
            assertThat(CliRun.of(usaData, "peer", "list").out())
                    .contains("received: bundle 1, 3 records")
                    .contains("sent: bundle 0 (acknowledged 0), 0 records, 0 pending");
            assertThat(CliRun.of(usaData, "objects").out()).contains("VANGUARD");

            assertThat(CliRun.of(usaData, "peer", "remove", "1").out()).contains("removed peer 1 (GBR)");
            assertThat(CliRun.of(usaData, "peer", "list").out()).contains("(removed ");
            CliRun again = CliRun.of(usaData, "peer", "remove", "1");
            assertThat(again.exitCode()).isEqualTo(1);
            assertThat(again.err()).contains("already removed");
        }
    }
}
