package org.concord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.concord.TestNodes;
import org.concord.audit.AuditAction;
import org.concord.audit.AuditEntry;
import org.concord.catalog.OrbitRecord;
import org.concord.label.LabelFilter;
import org.concord.node.Node;
import org.concord.node.NodeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code party priority}, {@code recall} and {@code relabel}, on a node whose party is GBR. */
class RecallAndPriorityCommandsTest {

    /** The first object of the test catalog (VANGUARD 1). */
    private static final long FIRST = 5;

    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.of(dir.resolve("node"), args);
    }

    private Node open() {
        return Node.open(NodeConfig.load(dir.resolve("node"), Optional.empty(), Map.of()));
    }

    private OrbitRecord firstRecordOf(String originator) {
        try (Node node = open()) {
            return node.catalog().orbitHistory(FIRST, LabelFilter.UNRESTRICTED).stream()
                    .filter(o -> o.label().originator().equals(originator)).findFirst().orElseThrow();
        }
    }

    private String firstLatestOriginator() {
        try (Node node = open()) {
            return node.catalog().findObject(FIRST, LabelFilter.UNRESTRICTED).orElseThrow().latestOrbit().orElseThrow()
                    .label().originator();
        }
    }

    /** Configures the node as GBR's, without the sample; writes the test catalog's first element sets to a file. */
    private Path gbrNodeAndElementSets(int count) throws java.io.IOException {
        Files.createDirectories(dir.resolve("node"));
        Files.writeString(dir.resolve("node/concord.properties"), "node.party=GBR\nsample.load=false\n");
        String all = new String(TestNodes.resource("/catalog/subset_301obj_3le_2024-07.txt"),
                StandardCharsets.US_ASCII);
        Path tle = dir.resolve("some.tle");
        Files.writeString(tle, String.join("\n", java.util.Arrays.copyOf(all.split("\r?\n"), 3 * count)) + "\n");
        return tle;
    }

    @Test
    void theAdministratorRanksSourcesAndRecallsOnlyTheNodesOwnRecordsUnlessTold() throws Exception {
        Path tle = gbrNodeAndElementSets(10);
        assertThat(run("ingest", tle.toString(), "--label", "originator=GBR;rel=PUBLIC;tlp=CLEAR").exitCode())
                .isZero();
        assertThat(run("ingest", tle.toString(), "--label", "originator=USA;rel=PUBLIC;tlp=CLEAR").exitCode())
                .isZero();
        assertThat(firstLatestOriginator()).isEqualTo("USA");

        assertThat(run("party", "priority", "USA", "10").err()).contains("no party USA");
        run("party", "add", "USA", "--name", "United States", "--kind", "nation"); // GBR, the node's, is registered
        CliRun priority = run("party", "priority", "gbr", "10");
        assertThat(priority.exitCode()).as(priority.err()).isZero();
        assertThat(priority.out()).contains("source priority of GBR: 0 -> 10; latest orbit of 10 objects changed");
        assertThat(run("party", "list").out()).containsPattern("GBR +nation +priority 10 +United Kingdom")
                .containsPattern("USA +nation +priority 0 +United States");
        assertThat(firstLatestOriginator()).isEqualTo("GBR");
        assertThat(run("object", Long.toString(FIRST)).out()).containsPattern("latest by newest epoch [^;]+; 1 other"
                + " record at the same epoch: record \\d+ from USA \\(priority 0\\) ranks below GBR \\(priority 10\\)");

        OrbitRecord usa = firstRecordOf("USA");
        OrbitRecord gbr = firstRecordOf("GBR");
        CliRun foreign = run("recall", "--orbit", Long.toString(usa.id()));
        assertThat(foreign.exitCode()).isEqualTo(1);
        assertThat(foreign.err()).contains("originated by USA, not by this node's party GBR");

        CliRun own = run("recall", "--orbit", Long.toString(gbr.id()), "--reason", "superseded");
        assertThat(own.exitCode()).as(own.err()).isZero();
        assertThat(own.out()).isEqualTo("recalled orbit record " + gbr.id() + " of object 5 from GBR:"
                + " 1 orbit record and 0 derived products (conjunctions, ...) removed\n");
        assertThat(firstLatestOriginator()).isEqualTo("USA");
        assertThat(run("recall", "--orbit", Long.toString(gbr.id())).out())
                .contains("orbit record " + gbr.id() + " is not held; nothing recalled");

        assertThat(run("recall", "--orbit", Long.toString(usa.id()), "--any-originator").exitCode()).isZero();
        try (Node node = open()) {
            assertThat(node.catalog().findObject(FIRST, LabelFilter.UNRESTRICTED)).isEmpty();
            assertThat(node.audit().entries(0, 1000)).extracting(AuditEntry::event)
                    .filteredOn(e -> e.action() == AuditAction.RECALL)
                    .extracting(e -> e.originators().first() + ": " + e.detail())
                    .containsExactly("GBR: removed 1 orbit record of object 5 and 0 derived products; reason: superseded",
                            "USA: removed 1 orbit record of object 5 and 0 derived products");
            assertThat(node.audit().entries(0, 1000)).extracting(AuditEntry::event)
                    .filteredOn(e -> e.action() == AuditAction.RECALL).allSatisfy(e ->
                            assertThat(e.actor()).startsWith("cli:"));
        }
        assertThat(run("audit", "verify").exitCode()).isZero();
    }

    @Test
    void theAdministratorReLabelsTheNodesOwnRecordsAWiderLabelOnlyWhenConfirmed() throws Exception {
        Path tle = gbrNodeAndElementSets(1);
        assertThat(run("ingest", tle.toString()).exitCode()).isZero();
        assertThat(run("ingest", tle.toString(), "--label", "originator=USA").exitCode()).isZero();
        OrbitRecord gbr = firstRecordOf("GBR");
        assertThat(gbr.label().toString()).as("label.default").isEqualTo(
                "originator=GBR;rel=REL TO GBR;tlp=AMBER;caveats=;expires=never");

        CliRun foreign = run("relabel", "--orbit", Long.toString(firstRecordOf("USA").id()), "--label", "tlp=RED");
        assertThat(foreign.exitCode()).isEqualTo(1);
        assertThat(foreign.err()).contains("originated by USA, not by this node's party GBR; --any-originator");
        CliRun unconfirmed = run("relabel", "--orbit", Long.toString(gbr.id()), "--label", "rel=PUBLIC;tlp=CLEAR");
        assertThat(unconfirmed.exitCode()).isEqualTo(1);
        assertThat(unconfirmed.err()).contains("more widely").contains("--widen");
        assertThat(firstRecordOf("GBR")).isEqualTo(gbr);

        CliRun widened = run("relabel", "--orbit", Long.toString(gbr.id()), "--label", "rel=PUBLIC;tlp=CLEAR",
                "--widen", "--reason", "cleared for release");
        assertThat(widened.exitCode()).as(widened.err()).isZero();
        OrbitRecord published = firstRecordOf("GBR");
        assertThat(published.label().toString()).isEqualTo("originator=GBR;rel=PUBLIC;tlp=CLEAR;caveats=;"
                + "expires=never");
        assertThat(widened.out()).isEqualTo("re-labelled orbit record " + gbr.id() + " of object 5 from "
                + gbr.label() + " to " + published.label() + ": now orbit record " + published.id()
                + " (0 derived products follow it)\n");
        assertThat(run("relabel", "--orbit", Long.toString(published.id()), "--label", "tlp=CLEAR").out())
                .contains("already has the label");
        try (Node node = open()) {
            assertThat(node.audit().entries(0, 1000)).extracting(AuditEntry::event)
                    .filteredOn(e -> e.action() == AuditAction.RELABEL).singleElement().satisfies(e -> {
                        assertThat(e.actor()).startsWith("cli:");
                        assertThat(e.detail()).contains("WIDER").contains("reason: cleared for release");
                    });
        }
        assertThat(run("audit", "verify").exitCode()).isZero();
    }
}
