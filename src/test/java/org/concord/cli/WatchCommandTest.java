package org.concord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.concord.node.NodeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code concord watch}: a watch added, listed and removed; bad input refused with its reason, nothing stored. */
class WatchCommandTest {

    @TempDir
    Path dir;

    @Test
    void aWatchIsAddedListedAndRemovedAndBadInputStoresNothing() throws Exception {
        Files.writeString(dir.resolve(NodeConfig.FILE_NAME), "sample.load=false\nnode.party=GBR\n");
        String[][] refused = {
            {"watch", "add", "25544", "--miss", "1"},
            {"watch", "add", "25544", "--miss", "1km", "--within", "3"},
            {"watch", "add", "25544", "--within", "3d"},
            {"watch", "add", "25544", "--miss", "1km", "--webhook", "http://127.0.0.1:9/hook"},
            {"watch", "add", "25544", "--miss", "1km", "--party", "XYZ"},
            {"watch", "add", "25544", "--miss", "1km", "--colour", "red"}};
        String[] reasons = {"--miss: '1' has no unit", "--within: '3' has no unit", "give a miss distance threshold",
            "only https webhooks", "no party XYZ", "--colour"};
        for (int i = 0; i < refused.length; i++) {
            CliRun run = CliRun.of(dir, refused[i]);
            assertThat(run.exitCode()).as(String.join(" ", refused[i])).isNotZero();
            assertThat(run.err()).as(String.join(" ", refused[i])).contains(reasons[i]);
        }
        assertThat(CliRun.of(dir, "watch", "list").out()).contains("no watches of party GBR");

        CliRun added = CliRun.of(dir, "watch", "add", "25544", "--miss", "1km", "--pc", "1e-4", "--within", "3d");
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).contains("object 25544, miss <= 1000 m, Pc >= 1.0E-4, TCA within 3d, no webhook");
        String id = added.out().substring("watch ".length(), added.out().indexOf(':'));
        assertThat(CliRun.of(dir, "watch", "list").out()).contains(id + "  object 25544");
        assertThat(CliRun.of(dir, "watch", "list", "--party", "USA").err()).contains("no party USA");
        CliRun removed = CliRun.of(dir, "watch", "remove", id);
        assertThat(removed.exitCode()).as(removed.err()).isZero();
        assertThat(CliRun.of(dir, "watch", "list").out()).contains("no watches of party GBR");
    }
}
