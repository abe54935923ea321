package org.concord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.concord.TestNodes;
import org.concord.connector.LoopbackSource;
import org.concord.node.NodeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The administrator's connector commands, with a connector pulling from a loopback server. */
class ConnectorsCommandTest {

    @TempDir
    Path dir;

    @Test
    void anAdministratorListsTheConnectorsAndRunsOneWithinItsSourcesEtiquette() throws Exception {
        CliRun none = CliRun.of(dir.resolve("plain"), "connectors", "list");
        assertThat(none.exitCode()).as(none.err()).isZero();
        assertThat(none.out()).contains("no connectors configured");

        try (LoopbackSource source = LoopbackSource.start()) {
            String file = new String(TestNodes.resource("/catalog/subset_301obj_3le_2024-07.txt"),
                    StandardCharsets.US_ASCII).lines().limit(9).reduce("", (a, b) -> a + b + "\n");
            source.on("/elements.tle", request -> LoopbackSource.Response.ok(file.getBytes(StandardCharsets.US_ASCII),
                    Map.of()));
            Path data = dir.resolve("node");
            Files.createDirectories(data);
            Files.writeString(data.resolve(NodeConfig.FILE_NAME), String.join("\n", "sample.load=false",
                    "node.party=GBR", "connectors=feed", "connector.feed.type=url",
                    "connector.feed.url=" + source.base() + "/elements.tle", "connector.feed.period=PT30M", ""));

            CliRun unknown = CliRun.of(data, "connectors", "run", "nothing");
            assertThat(unknown.exitCode()).isEqualTo(1);
            assertThat(unknown.err()).contains("no connector named 'nothing'").contains("[feed]");
            CliRun run = CliRun.of(data, "connectors", "run", "feed");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("INGESTED (by hand), HTTP 200, 1 requests, 3 stored");
            CliRun again = CliRun.of(data, "connectors", "run", "feed");
            assertThat(again.exitCode()).isEqualTo(1);
            assertThat(again.err()).contains("one pull every PT5M");
            CliRun listed = CliRun.of(data, "connectors", "list");
            assertThat(listed.out()).contains("feed (url) " + source.base() + "/elements.tle every PT30M")
                    .contains("label originator=GBR;rel=REL TO GBR;tlp=AMBER")
                    .contains("next attempt ").contains("3 stored");
            assertThat(source.requests()).hasSize(1);
        }
    }
}
