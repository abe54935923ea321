package org.concord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.concord.TestNodes;
import org.concord.audit.AuditJson;
import org.concord.audit.Checkpoint;
import org.concord.node.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code concord node key} and {@code concord audit ...} in-process, on their own data directory. */
class AuditCommandTest {

    @TempDir
    Path dir;

    private Path node() {
        return dir.resolve("node");
    }

    private CliRun run(String... args) {
        return CliRun.of(node(), args);
    }

    @Test
    void checkpointLogAndVerifyThenTamperingMakesVerifyFail() throws Exception {
        CliRun first = run("audit", "checkpoint");
        assertThat(first.exitCode()).as(first.err()).isZero();
        Checkpoint checkpoint = AuditJson.checkpoint(new ObjectMapper().readTree(first.out()));
        assertThat(checkpoint.treeSize()).isEqualTo(2); // entry 0: the node party registered on first open
        assertThat(run("audit", "checkpoint").exitCode()).isZero();

        CliRun log = run("audit", "log", "--limit", "10");
        assertThat(log.out()).contains("CHECKPOINT").contains("cli:").contains("3 entries");
        assertThat(run("audit", "log", "--party", "GBR").out()).contains("0 entries");

        CliRun verify = run("audit", "verify");
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).contains("entries:     3").contains("checkpoints: 2").contains("intact");

        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + node().toAbsolutePath().resolve("concord")
                + ";AUTO_SERVER=TRUE", "sa", java.nio.file.Files.readString(node().resolve("db-password")).strip());
             Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE audit_entry SET entry = REPLACE(entry, 'audit checkpoint', 'audit chekpoint') WHERE seq = 1");
        }
        CliRun tampered = run("audit", "verify");
        assertThat(tampered.exitCode()).isEqualTo(3);
        assertThat(tampered.out()).contains("NOT INTACT").contains("first bad index 1")
                .contains("ENTRY_HASH_MISMATCH at 1").contains("CHECKPOINT_ROOT_MISMATCH");
    }

    @Test
    void aPartnerChecksAProofOfflineWithOnlyThePublicKey() throws Exception {
        CliRun key = run("node", "key");
        assertThat(key.exitCode()).isZero();
        assertThat(key.out()).startsWith("-----BEGIN PUBLIC KEY-----").contains("fingerprint (SHA-256): ");
        assertThat(run("node", "key").out()).isEqualTo(key.out());
        run("audit", "checkpoint");
        run("audit", "checkpoint");
        CliRun latest = run("audit", "checkpoint");
        ObjectMapper json = new ObjectMapper();

        Path partner = dir.resolve("partner");
        Files.createDirectories(partner);
        Path publicKey = Files.writeString(partner.resolve("node.pub"), key.out());
        Path checkpoint = Files.writeString(partner.resolve("cp.json"), latest.out());
        Path proof = partner.resolve("proof.json");
        Path consistency = partner.resolve("consistency.json");
        Path older = partner.resolve("old.json");
        try (Node node = TestNodes.open(node(), Map.of())) {
            json.writeValue(proof.toFile(), AuditJson.inclusionProof(node.audit().inclusionProof(1, 4)));
            json.writeValue(consistency.toFile(), AuditJson.consistencyProof(node.audit().consistencyProof(2, 4)));
            json.writeValue(older.toFile(), AuditJson.checkpoint(node.audit().checkpoints().get(0)));
            Files.writeString(partner.resolve("entry.json"), node.audit().entry(1).orElseThrow().entry() + "\n");
        }

        Path noNode = dir.resolve("no-node");
        CliRun ok = CliRun.of(noNode, "audit", "check-proof", "--key", publicKey.toString(), "--checkpoint",
                checkpoint.toString(), "--proof", proof.toString(), "--entry",
                partner.resolve("entry.json").toString());
        assertThat(ok.exitCode()).as(ok.out() + ok.err()).isZero();
        assertThat(ok.out()).contains("OK: entry 1 is in the log of 4 entries");
        assertThat(noNode).as("no database, no key: the check is offline").doesNotExist();

        Path forged = Files.writeString(partner.resolve("forged.json"),
                Files.readString(partner.resolve("entry.json")).replace("cli:", "cli:x"));
        CliRun bad = CliRun.of(noNode, "audit", "check-proof", "--key", publicKey.toString(), "--checkpoint",
                checkpoint.toString(), "--proof", proof.toString(), "--entry", forged.toString());
        assertThat(bad.exitCode()).isEqualTo(3);
        assertThat(bad.out()).contains("FAILED").contains("does not lead from the entry at index 1");

        CliRun consistent = CliRun.of(noNode, "audit", "check-proof", "--key", publicKey.toString(), "--checkpoint",
                checkpoint.toString(), "--proof", consistency.toString(), "--old-checkpoint", older.toString());
        assertThat(consistent.exitCode()).as(consistent.out() + consistent.err()).isZero();
        assertThat(consistent.out()).contains("OK: the log of 4 entries");

        Path otherKey = Files.writeString(partner.resolve("other.pub"),
                org.concord.identity.NodeIdentity.generateEphemeral().publicKeyPem());
        CliRun wrongKey = CliRun.of(noNode, "audit", "check-proof", "--key", otherKey.toString(), "--checkpoint",
                checkpoint.toString(), "--proof", proof.toString());
        assertThat(wrongKey.exitCode()).isEqualTo(3);
        assertThat(wrongKey.out()).contains("signature is not the key's");
    }

    @Test
    void anIngestIsRecordedWithTheOriginatorOfItsData() throws Exception {
        Path tle = Files.write(dir.resolve("subset.tle"), TestNodes.resource("/catalog/subset_301obj_3le_2024-07.txt"));
        assertThat(run("ingest", tle.toString(), "--label", "originator=GBR;rel=PUBLIC;tlp=CLEAR", "--as", "analyst1")
                .exitCode()).isZero();
        CliRun log = run("audit", "log", "--party", "GBR");
        assertThat(log.out()).contains("analyst1").contains("INGEST").contains("ingest " + tle).contains("1 entries");
    }

    @Test
    void theLogOfAPartyShowsOnlyWhatThatPartyMaySee() {
        try (Node node = TestNodes.open(node(), Map.of())) {
            node.audit().append(org.concord.audit.AuditEvent.of(java.time.Instant.now(), "analyst-gbr",
                    java.util.Optional.of("GBR"), org.concord.audit.AuditAction.READ,
                    "GET /api/v1/objects/99001/orbits?content=true", java.util.List.of("AUS", "GBR"), "status 200"));
        }
        CliRun aus = run("audit", "log", "--party", "AUS");
        assertThat(aus.exitCode()).as(aus.err()).isZero();
        assertThat(aus.out()).contains("GET /api/v1/objects/99001/orbits").doesNotContain("content=true")
                .doesNotContain("AUS,GBR").contains("1 entries");
        assertThat(run("audit", "log").out()).as("the node's operator sees it whole").contains("AUS,GBR");
    }
}
